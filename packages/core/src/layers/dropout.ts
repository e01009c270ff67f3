import * as tf from '@tensorflow/tfjs-core';
import { assertInRange } from '../checks/value-checks.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from './layer.js';
import { registerLayerType } from './layer-registry.js';

/** Options of {@link Dropout}. */
export interface DropoutOptions extends LayerOptions {
  /** Probability of dropping each element, in [0, 1). Required. */
  rate: number;
}

/**
 * Inverted dropout: in training, y = x * m / (1 - rate) with m ~ Bernoulli(1 - rate) per element;
 * at inference y = x. The mask is drawn in JavaScript from the layer's seed, so it is the same on
 * every backend. Any shape in, same shape out.
 *
 * @example
 * const drop = new Dropout({ rate: 0.2, seed: 3 });
 * drop.apply(h, { training: true }); // about 20% zeros, the rest scaled by 1.25
 *
 * In plain words: in each lesson a random fifth of the class sits out, so nobody can lean on one neighbour.
 */
export class Dropout extends Layer {
  readonly rate: number;

  constructor(options: DropoutOptions) {
    super(options, 'Dropout', ['rate']);
    this.supportsMasking = true; // a mask passes through unchanged (as in Keras)
    assertInRange('Dropout', 'rate', options.rate, { min: 0, max: 1, maxExclusive: true });
    this.rate = options.rate;
  }

  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    if (!context.training || this.rate === 0) return tf.clone(x);
    const random = this.randomSource();
    const keep = 1 - this.rate;
    const mask = new Float32Array(x.size);
    for (let i = 0; i < mask.length; i++) mask[i] = random.next() < keep ? 1 / keep : 0;
    return tf.mul(x, tf.tensor(mask, x.shape, 'float32'));
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), rate: this.rate };
  }
}

registerLayerType('Dropout', (config) => new Dropout(config as unknown as DropoutOptions));
