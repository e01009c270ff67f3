import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput, readActivationAxis } from './activation-input.js';
import { alongAxis, type SoftmaxOptions } from './softmax.js';

/**
 * Log-softmax along an axis: logSoftmax(z)_i = (z_i - max z) - log sum_j e^(z_j - max z),
 * computed directly, never as log(softmax(z)) (which gives -inf once softmax underflows).
 * Derivative (Jacobian): d logSoftmax_i / d z_j = delta_ij - s_j, see `derivatives.logSoftmaxJacobian`.
 *
 * Shapes: a float32 tensor of rank >= 1 in, the same shape out; values <= 0, and
 * exp(logSoftmax) sums to 1 along `axis`. Uses `tf.logSoftmax` (max-shifted, with its own
 * gradient dy - softmax * sum dy), moved to another axis by transposing when asked.
 *
 * @example
 * logSoftmax(tf.tensor([[1, 2, 3]])); // [[-2.4076, -1.4076, -0.4076]]
 *
 * In plain words: the voting machine's result in log form, what cross-entropy really needs, and
 * finite even for a candidate with no chance at all.
 */
export function logSoftmax(x: tf.Tensor, options?: SoftmaxOptions): tf.Tensor {
  assertActivationInput('logSoftmax', x);
  const axis = readActivationAxis('logSoftmax', x, options);
  return alongAxis(x, axis, (t) => tf.logSoftmax(t));
}
