import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput } from './activation-input.js';

/**
 * Scaled exponential linear unit, elementwise: selu(x) = scale x for x > 0,
 * scale alpha (e^x - 1) for x <= 0, with the self-normalising constants of Klambauer et al. (2017)
 * that PyTorch, Keras and tfjs use: alpha = 1.6732632423543772, scale = 1.0507009873554805.
 * Derivative: scale for x > 0, scale alpha e^x for x <= 0 (scale alpha = 1.7581 at x = 0, as PyTorch).
 *
 * Shapes: any float32 tensor in, the same shape out; output in (-scale alpha, inf) = (-1.7581, inf).
 * Uses tfjs's Selu kernel and gradient (every backend); finite at +/-1e4, gradient too.
 * Use it with 'lecunNormal'-style weights (variance 1 / fanIn) to keep activations near N(0, 1).
 *
 * @example
 * selu(tf.tensor([-1, 0, 1])); // [-1.1113, 0, 1.0507]
 *
 * In plain words: ELU stretched just enough that layer after layer keeps mean 0 and variance 1.
 */
export function selu(x: tf.Tensor): tf.Tensor {
  assertActivationInput('selu', x);
  return tf.selu(x);
}
