import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput } from './activation-input.js';

/**
 * Hyperbolic tangent, elementwise: tanh(x) = (e^x - e^-x) / (e^x + e^-x) = 2 sigma(2x) - 1.
 * Derivative: tanh'(x) = 1 - tanh(x)^2, at most 1 (at x = 0).
 *
 * Shapes: any float32 tensor in, the same shape out; output in (-1, 1), zero-centred.
 * Uses tfjs's Tanh kernel (stable: its webgpu shader works with e^-2|x|) and its gradient.
 *
 * @example
 * tanh(tf.tensor([-1, 0, 1])); // [-0.7616, 0, 0.7616]
 *
 * In plain words: the rational one, -1 against and +1 for, but it also falls silent at the extremes.
 */
export function tanh(x: tf.Tensor): tf.Tensor {
  assertActivationInput('tanh', x);
  return tf.tanh(x);
}
