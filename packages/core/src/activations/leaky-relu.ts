import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput, readActivationAlpha } from './activation-input.js';

/** Options for {@link leakyRelu}. */
export interface LeakyReluOptions {
  /** Slope for x <= 0, a finite number >= 0. Default 0.01 (the seed's and PyTorch's). */
  alpha?: number;
}

/**
 * Leaky ReLU, elementwise: x for x > 0, alpha x for x <= 0.
 * Derivative: 1 for x > 0, alpha for x <= 0 (alpha at x = 0, as PyTorch).
 *
 * Shapes: any float32 tensor in, the same shape out; output in (-inf, inf) for alpha > 0.
 * Uses tfjs's LeakyRelu kernel and gradient, right on all three backends.
 *
 * @example
 * leakyRelu(tf.tensor([-2, 3]));                 // [-0.02, 3]
 * leakyRelu(tf.tensor([-2, 3]), { alpha: 0.2 }); // [-0.4, 3]
 *
 * In plain words: the mild reformer, lets a little negative opinion leak through so that no
 * neuron dies.
 */
export function leakyRelu(x: tf.Tensor, options?: LeakyReluOptions): tf.Tensor {
  assertActivationInput('leakyRelu', x);
  const alpha = readActivationAlpha('leakyRelu', options, 0.01);
  return tf.leakyRelu(x, alpha);
}
