import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { assertPositive } from '../checks/value-checks.js';
import { ShapeError } from '../errors/shape-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from './layer.js';
import { registerLayerType } from './layer-registry.js';

/** Options of {@link LayerNorm}. */
export interface LayerNormOptions extends LayerOptions {
  /** Added to the variance. Default 1e-5 (PyTorch). */
  epsilon?: number;
}

/**
 * Layer normalisation over the last axis, per example: y = gamma (x - mu) / sqrt(var + eps) + beta
 * with mu, var (biased) over the last axis only. Same in training and inference.
 * x: [batch, ..., C] -> same shape; gamma, beta: [C].
 *
 * @example
 * new LayerNorm().apply(tf.randomNormal([4, 16])); // each row: mean 0, variance ~1
 *
 * In plain words: each student's marks are rescaled against their own average, not the class's.
 */
export class LayerNorm extends Layer {
  readonly epsilon: number;

  constructor(options: LayerNormOptions = {}) {
    super(options, 'LayerNorm', ['epsilon']);
    this.supportsMasking = true; // a mask passes through unchanged (as in Keras)
    this.epsilon = options.epsilon ?? 1e-5;
    assertPositive('LayerNorm', 'epsilon', this.epsilon);
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length < 2)
      throw new ShapeError(
        'LayerNorm',
        `expected input of rank >= 2 ([batch, ..., features]), got rank ${inputShape.length} (shape ` +
          `${describeShape(inputShape)})`,
      );
    const features = [inputShape.at(-1) as number];
    this.addWeight('gamma', features, { initializer: 'ones' });
    this.addWeight('beta', features, { initializer: 'zeros' });
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const { mean, variance } = tf.moments(x, -1, true);
    const normalized = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, this.epsilon)));
    return tf.add(tf.mul(normalized, this.weight('gamma').read()), this.weight('beta').read());
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), epsilon: this.epsilon };
  }
}

registerLayerType('LayerNorm', (config) => new LayerNorm(config as LayerNormOptions));
