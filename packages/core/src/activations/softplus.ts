import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput } from './activation-input.js';

/**
 * Softplus, elementwise: softplus(x) = log(1 + e^x), a smooth ReLU.
 * Derivative: sigma(x), the sigmoid: in (0, 1), 0.5 at x = 0.
 *
 * Shapes: any float32 tensor in, the same shape out; output in (0, inf). Uses tfjs's Softplus
 * kernel, which is stable as TensorFlow's: x itself above about 13.9 and e^x below about -13.9,
 * where log(1 + e^x) is that in float32 (no overflow of e^x); its gradient is sigmoid(x). Finite
 * at +/-100 and +/-1e4, gradient too.
 *
 * @example
 * softplus(tf.tensor([-100, 0, 100])); // [3.7e-44 (0 on GPUs), 0.6931, 100]
 *
 * In plain words: ReLU with its corner sanded round, never quite zero.
 */
export function softplus(x: tf.Tensor): tf.Tensor {
  assertActivationInput('softplus', x);
  return tf.softplus(x);
}
