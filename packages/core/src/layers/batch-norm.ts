import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { assertInRange, assertPositive } from '../checks/value-checks.js';
import { ShapeError } from '../errors/shape-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from './layer.js';
import { registerLayerType } from './layer-registry.js';

/** Options of {@link BatchNorm}. */
export interface BatchNormOptions extends LayerOptions {
  /** Running statistics: r <- momentum r + (1 - momentum) batch. Default 0.99 (Keras; PyTorch's 0.1 is 0.9 here). */
  momentum?: number;
  /** Added to the variance. Default 1e-3. */
  epsilon?: number;
  /** Learn a shift beta. Default true. */
  center?: boolean;
  /** Learn a scale gamma. Default true. */
  scale?: number | boolean;
}

/**
 * Batch normalisation over the last (feature/channel) axis:
 * y = gamma (x - mu) / sqrt(var + eps) + beta. In training, mu and var are the batch's (over every
 * axis but the last, biased variance) and the running statistics move toward them; at inference
 * the running statistics are used. x: [batch, ..., C] -> same shape. Weights: gamma, beta
 * (trainable), movingMean, movingVariance (not trainable).
 *
 * @example
 * const bn = new BatchNorm({ momentum: 0.9 });
 * bn.apply(h, { training: true });
 *
 * In plain words: before each layer, re-centre and re-scale the class's scores so the next teacher
 * always sees marks on the same scale.
 */
export class BatchNorm extends Layer {
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;

  constructor(options: BatchNormOptions = {}) {
    super(options, 'BatchNorm', ['momentum', 'epsilon', 'center', 'scale']);
    this.supportsMasking = true; // a mask passes through unchanged (as in Keras)
    this.momentum = options.momentum ?? 0.99;
    this.epsilon = options.epsilon ?? 1e-3;
    assertInRange('BatchNorm', 'momentum', this.momentum, { min: 0, max: 1 });
    assertPositive('BatchNorm', 'epsilon', this.epsilon);
    this.center = options.center ?? true;
    this.scale = Boolean(options.scale ?? true);
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length < 2)
      throw new ShapeError(
        'BatchNorm',
        `expected input of rank >= 2 ([batch, ..., channels]), got rank ${inputShape.length} (shape ` +
          `${describeShape(inputShape)})`,
      );
    const channels = [inputShape.at(-1) as number];
    if (this.scale) this.addWeight('gamma', channels, { initializer: 'ones' });
    if (this.center) this.addWeight('beta', channels, { initializer: 'zeros' });
    this.addWeight('movingMean', channels, { initializer: 'zeros', trainable: false });
    this.addWeight('movingVariance', channels, { initializer: 'ones', trainable: false });
  }

  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    const axes = Array.from({ length: x.rank - 1 }, (_, i) => i);
    let mean: tf.Tensor;
    let variance: tf.Tensor;
    if (context.training) {
      ({ mean, variance } = tf.moments(x, axes));
      const movingMean = this.weight('movingMean');
      const movingVariance = this.weight('movingVariance');
      const m = this.momentum;
      movingMean.variable.assign(tf.add(tf.mul(movingMean.read(), m), tf.mul(mean, 1 - m)));
      movingVariance.variable.assign(tf.add(tf.mul(movingVariance.read(), m), tf.mul(variance, 1 - m)));
    } else {
      mean = this.weight('movingMean').read();
      variance = this.weight('movingVariance').read();
    }
    let y = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, this.epsilon)));
    if (this.scale) y = tf.mul(y, this.weight('gamma').read());
    if (this.center) y = tf.add(y, this.weight('beta').read());
    return y;
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
    };
  }
}

registerLayerType('BatchNorm', (config) => new BatchNorm(config as BatchNormOptions));
