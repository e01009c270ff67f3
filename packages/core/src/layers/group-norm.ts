import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { assertPositive, assertPositiveInteger } from '../checks/value-checks.js';
import { ShapeError } from '../errors/shape-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from './layer.js';
import { registerLayerType } from './layer-registry.js';

/** Options of {@link GroupNorm}. */
export interface GroupNormOptions extends LayerOptions {
  /** Number of channel groups G; must divide the channel count. Required. */
  groups: number;
  /** Added to the variance. Default 1e-5 (PyTorch). */
  epsilon?: number;
}

/**
 * Group normalisation, channels last: the C channels are split into G groups of C/G; each
 * example's group is normalised over its positions and channels,
 * y = gamma (x - mu_g) / sqrt(var_g + eps) + beta (biased variance), then per-channel gamma, beta.
 * x: [batch, ..., C] -> same shape. G = 1 is layer norm over everything; G = C is instance norm.
 * Computed at rank 4 ([batch, positions, G, C/G]) whatever the input rank.
 *
 * @example
 * new GroupNorm({ groups: 2 }).apply(tf.randomNormal([2, 8, 8, 4]));
 *
 * In plain words: like layer norm, but channels are graded in small teams instead of all together.
 */
export class GroupNorm extends Layer {
  readonly groups: number;
  readonly epsilon: number;

  constructor(options: GroupNormOptions) {
    super(options, 'GroupNorm', ['groups', 'epsilon']);
    assertPositiveInteger('GroupNorm', 'groups', options.groups);
    this.groups = options.groups;
    this.epsilon = options.epsilon ?? 1e-5;
    assertPositive('GroupNorm', 'epsilon', this.epsilon);
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length < 2)
      throw new ShapeError(
        'GroupNorm',
        `expected input of rank >= 2 ([batch, ..., channels]), got rank ${inputShape.length} (shape ` +
          `${describeShape(inputShape)})`,
      );
    const channels = inputShape.at(-1) as number;
    if (channels % this.groups !== 0) {
      throw new ShapeError(
        'GroupNorm',
        `expected the channel count to be divisible by groups, got channels=${channels}, ` +
          `groups=${this.groups} (shape ${describeShape(inputShape)})`,
      );
    }
    this.addWeight('gamma', [channels], { initializer: 'ones' });
    this.addWeight('beta', [channels], { initializer: 'zeros' });
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const channels = x.shape.at(-1) as number;
    const batch = x.shape[0] as number;
    const grouped = tf.reshape(x, [batch, -1, this.groups, channels / this.groups]);
    const { mean, variance } = tf.moments(grouped, [1, 3], true);
    const normalized = tf.reshape(tf.mul(tf.sub(grouped, mean), tf.rsqrt(tf.add(variance, this.epsilon))), x.shape);
    return tf.add(tf.mul(normalized, this.weight('gamma').read()), this.weight('beta').read());
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), groups: this.groups, epsilon: this.epsilon };
  }
}

registerLayerType('GroupNorm', (config) => new GroupNorm(config as unknown as GroupNormOptions));
