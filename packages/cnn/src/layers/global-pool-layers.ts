import type * as tf from '@tensorflow/tfjs-core';
import { Layer, registerLayerType, type CallContext, type LayerConfig, type LayerOptions } from '@baihua/core';
import { globalAvgPool2d, globalMaxPool2d } from '../ops/global-pool2d.js';

/** Options of the global pooling layers. */
export interface GlobalPool2DOptions extends LayerOptions {
  /** Output [batch, 1, 1, C] instead of [batch, C]. Default false. */
  keepDims?: boolean;
}

/**
 * Global average pooling layer ({@link globalAvgPool2d}): [batch, H, W, C] -> [batch, C].
 * @example new GlobalAvgPool2D().apply(tf.zeros([2, 7, 7, 64])).shape; // [2, 64]
 * In plain words: one number per feature map, its average: the classic replacement for big dense heads.
 */
export class GlobalAvgPool2D extends Layer {
  readonly keepDims: boolean;
  constructor(options: GlobalPool2DOptions = {}) {
    super(options, 'GlobalAvgPool2D', ['keepDims']);
    this.keepDims = options.keepDims ?? false;
  }
  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return globalAvgPool2d(x, { keepDims: this.keepDims });
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), keepDims: this.keepDims };
  }
}

/**
 * Global max pooling layer ({@link globalMaxPool2d}): [batch, H, W, C] -> [batch, C].
 * @example new GlobalMaxPool2D().apply(tf.zeros([2, 7, 7, 64])).shape; // [2, 64]
 * In plain words: one number per feature map: its strongest response anywhere in the image.
 */
export class GlobalMaxPool2D extends Layer {
  readonly keepDims: boolean;
  constructor(options: GlobalPool2DOptions = {}) {
    super(options, 'GlobalMaxPool2D', ['keepDims']);
    this.keepDims = options.keepDims ?? false;
  }
  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return globalMaxPool2d(x, { keepDims: this.keepDims });
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), keepDims: this.keepDims };
  }
}

registerLayerType('GlobalAvgPool2D', (config) => new GlobalAvgPool2D(config as GlobalPool2DOptions));
registerLayerType('GlobalMaxPool2D', (config) => new GlobalMaxPool2D(config as GlobalPool2DOptions));
