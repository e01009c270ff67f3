import * as tf from '@tensorflow/tfjs-core';
import { type CallContext, Layer, type LayerConfig, type LayerOptions, registerLayerType } from '@baihua/core';

/** Options of {@link OnnxChannelAffine}. */
export interface OnnxChannelAffineOptions extends LayerOptions {
  /** Multiply by a per-feature scale (weight 'scale', initially ones). Default true. */
  scale?: boolean;
  /** Add a per-feature shift (weight 'shift', initially zeros). Default true. */
  shift?: boolean;
}

/**
 * y = x * scale + shift over the last axis, both trainable vectors of its size (either may be left
 * out). The importer makes it from an ONNX Mul / Add / Sub / Div of a run-time tensor by a constant
 * vector over the last axis (or a scalar): an inference-time BatchNorm folded to Mul + Add, as
 * exportOnnx writes it, or an input scaling such as x / 255. dy/dx = scale.
 * Shapes: [batch, ..., C] -> the same; scale and shift [C].
 *
 * @example
 * const affine = new OnnxChannelAffine({ shift: false });
 * affine.apply(tf.ones([2, 3])); // builds scale [3] (ones): [[1, 1, 1], [1, 1, 1]]
 *
 * In plain words: stretch and move each feature by its own amount.
 */
export class OnnxChannelAffine extends Layer {
  readonly scale: boolean;
  readonly shift: boolean;

  constructor(options: OnnxChannelAffineOptions = {}) {
    super(options, 'OnnxChannelAffine', ['scale', 'shift']);
    this.scale = options.scale ?? true;
    this.shift = options.shift ?? true;
  }

  protected override build(inputShape: number[]): void {
    const features = inputShape.at(-1) as number;
    if (this.scale) this.addWeight('scale', [features], { initializer: 'ones' });
    if (this.shift) this.addWeight('shift', [features], { initializer: 'zeros' });
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const scaled = this.scale ? tf.mul(x, this.weight('scale').read()) : x;
    return this.shift ? tf.add(scaled, this.weight('shift').read()) : scaled;
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), scale: this.scale, shift: this.shift };
  }
}

registerLayerType('OnnxChannelAffine', (config) => new OnnxChannelAffine(config as OnnxChannelAffineOptions));
