import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput } from './activation-input.js';

/**
 * Sigmoid (logistic function), elementwise: sigma(x) = 1 / (1 + e^-x).
 * Derivative: sigma'(x) = sigma(x) (1 - sigma(x)), at most 0.25 (at x = 0).
 *
 * Shapes: any float32 tensor in, the same shape out. Output in (0, 1); in float32 it rounds to
 * exactly 0 below about -88 and to 1 above about 17, and neither value nor gradient is ever NaN
 * (checked at +/-1e4 on cpu, wasm and webgpu). Uses tfjs's Sigmoid kernel and its gradient, which
 * are right on all three backends.
 *
 * @example
 * sigmoid(tf.tensor([-2, 0, 2])); // [0.1192, 0.5, 0.8808]
 *
 * In plain words: the "maybe" machine, a 0-to-1 probability that goes quiet (gradient near 0)
 * when the input is extreme.
 */
export function sigmoid(x: tf.Tensor): tf.Tensor {
  assertActivationInput('sigmoid', x);
  return tf.sigmoid(x);
}
