import type * as tf from '@tensorflow/tfjs-core';
import { type CallContext, Layer, type LayerConfig, type LayerOptions, registerLayerType } from '@baihua/core';
import { globalAvgPool1d, globalMaxPool1d } from '../ops/global-pool1d.js';

/** Options of the global pooling layers over time. */
export interface GlobalPool1DOptions extends LayerOptions {
  /** Output [batch, 1, C] instead of [batch, C]. Default false. */
  keepDims?: boolean;
}

/**
 * Global average pooling over time ({@link globalAvgPool1d}; Keras' GlobalAveragePooling1D):
 * [batch, time, C] -> [batch, C], the mean over the valid steps when the input carries a mask (from
 * Masking, Embedding maskZero, or a recurrent layer with returnSequences behind them). Output: no mask.
 * @example new GlobalAvgPool1D().apply(x, { mask }).shape; // x [2, 5, 8], mask [2, 5] -> [2, 8]
 * In plain words: one average per feature over the real steps of each sequence.
 */
export class GlobalAvgPool1D extends Layer {
  readonly keepDims: boolean;
  constructor(options: GlobalPool1DOptions = {}) {
    super(options, 'GlobalAvgPool1D', ['keepDims']);
    this.keepDims = options.keepDims ?? false;
  }
  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    return globalAvgPool1d(x, { keepDims: this.keepDims, mask: context.mask });
  }
  /** Pooling over time consumes the mask. */
  protected override computeMask(): undefined {
    return undefined;
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), keepDims: this.keepDims };
  }
}

/**
 * Global max pooling over time ({@link globalMaxPool1d}; Keras' GlobalMaxPooling1D):
 * [batch, time, C] -> [batch, C], the maximum over the valid steps when the input carries a mask.
 * Output: no mask.
 * @example new GlobalMaxPool1D().apply(x, { mask }).shape; // x [2, 5, 8], mask [2, 5] -> [2, 8]
 * In plain words: the strongest value of each feature among the real steps of each sequence.
 */
export class GlobalMaxPool1D extends Layer {
  readonly keepDims: boolean;
  constructor(options: GlobalPool1DOptions = {}) {
    super(options, 'GlobalMaxPool1D', ['keepDims']);
    this.keepDims = options.keepDims ?? false;
  }
  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    return globalMaxPool1d(x, { keepDims: this.keepDims, mask: context.mask });
  }
  /** Pooling over time consumes the mask. */
  protected override computeMask(): undefined {
    return undefined;
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), keepDims: this.keepDims };
  }
}

registerLayerType('GlobalAvgPool1D', (config) => new GlobalAvgPool1D(config as GlobalPool1DOptions));
registerLayerType('GlobalMaxPool1D', (config) => new GlobalMaxPool1D(config as GlobalPool1DOptions));
