import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { assertFiniteNumber } from '../checks/value-checks.js';
import { ShapeError } from '../errors/shape-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from './layer.js';
import { registerLayerType } from './layer-registry.js';
import { withoutGradient } from './without-gradient.js';

/** Options of {@link Masking}. */
export interface MaskingOptions extends LayerOptions {
  /** A step whose features all equal this value is padding. Default 0. */
  maskValue?: number;
}

/**
 * Marks padded steps: mask[b, t] = any_f(x[b, t, f] != maskValue), and zeroes them in the output:
 * y = x * mask[..., None] (Keras). x: [batch, time, features] (any rank >= 2; the last axis holds
 * the features) -> y: the same shape, and the mask [batch, time] (x without its last axis), which
 * the layers behind it honour (recurrent layers skip masked steps, pooling leaves them out). A mask
 * that came in is ANDed with it. The mask gets no gradient; dy/dx = mask.
 *
 * @example
 * const masking = new Masking({ maskValue: 0 });
 * const x = tf.tensor3d([[[1, 2], [0, 0], [3, 0]]]);  // step 1 is padding
 * const { outputs, masks } = masking.applyWithMask(x); // masks[0]: [[true, false, true]]
 *
 * In plain words: steps that are all filler are flagged, so later layers skip them.
 */
export class Masking extends Layer {
  readonly maskValue: number;

  constructor(options: MaskingOptions = {}) {
    super(options, 'Masking', ['maskValue']);
    this.maskValue = options.maskValue ?? 0;
    assertFiniteNumber('Masking', 'maskValue', this.maskValue);
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length < 2)
      throw new ShapeError(
        'Masking',
        `expected x of rank >= 2 ([batch, time, features]), got rank ${inputShape.length} (shape ` +
          `${describeShape(inputShape)})`,
      );
  }

  /** Any shape of the built rank: another sequence length is fine. */
  protected override checkInputShape(inputShape: readonly number[]): void {
    const built = this.inputShape?.length ?? inputShape.length;
    if (inputShape.length !== built)
      throw new ShapeError(
        'Masking.apply',
        `layer '${this.name}' was built for x of rank ${built}, got ${describeShape(inputShape)}`,
      );
  }

  /** [batch, time]: true where some feature differs from maskValue. */
  private stepMask(x: tf.Tensor): tf.Tensor {
    return withoutGradient((v) => tf.any(tf.notEqual(v, tf.scalar(this.maskValue, v.dtype)), -1), x);
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return tf.mul(x, tf.expandDims(tf.cast(this.stepMask(x), x.dtype), -1));
  }

  protected override computeMask(x: tf.Tensor, mask: tf.Tensor | undefined): tf.Tensor {
    const own = this.stepMask(x);
    return mask === undefined ? own : tf.logicalAnd(own, tf.cast(mask, 'bool'));
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), maskValue: this.maskValue };
  }
}

registerLayerType('Masking', (config) => new Masking(config as unknown as MaskingOptions));
