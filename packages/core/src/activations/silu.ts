import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput } from './activation-input.js';

/**
 * Sigmoid linear unit (also called swish, with beta 1), elementwise: silu(x) = x sigma(x).
 * Derivative: sigma(x) (1 + x (1 - sigma(x))); 0.5 at x = 0, 1 for large x, 0 for very negative x.
 * Registered as 'silu' (PyTorch's and Keras 3's name) and as 'swish' (tfjs-layers' and Keras 2's).
 *
 * Shapes: any float32 tensor in, the same shape out; output in about [-0.278, inf) (minimum at
 * x = -1.278). Composed as x * sigmoid(x), whose autograd gradient is finite at +/-1e4.
 *
 * @example
 * silu(tf.tensor([-1, 0, 1])); // [-0.2689, 0, 0.7311]
 *
 * In plain words: the input, let through in the proportion its own sigmoid says.
 */
export function silu(x: tf.Tensor): tf.Tensor {
  assertActivationInput('silu', x);
  return tf.tidy(() => tf.mul(x, tf.sigmoid(x)));
}
