import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput } from './activation-input.js';

/**
 * Linear (identity) activation: linear(x) = x. Derivative: 1 everywhere.
 *
 * Shapes: any float32 tensor in, a new tensor of the same shape and values out (a clone, so
 * disposing the output never disposes the input).
 *
 * @example
 * linear(tf.tensor([-1, 2])); // [-1, 2]
 *
 * In plain words: no activation at all, what a regression output layer uses; stacked layers of
 * it collapse into one linear map.
 */
export function linear(x: tf.Tensor): tf.Tensor {
  assertActivationInput('linear', x);
  return tf.clone(x);
}
