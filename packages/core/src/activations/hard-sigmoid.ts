import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput } from './activation-input.js';

/**
 * Hard sigmoid, elementwise: clip(0.2 x + 0.5, 0, 1), the piecewise-linear sigmoid of
 * tfjs-layers and Keras 2 (the recurrent activation their LSTM and GRU default to).
 * Derivative: 0.2 for -2.5 <= x <= 2.5, else 0. At the ends x = +/-2.5 the output is exactly 0 or 1
 * and the gradient is 0.2, as tfjs's and TensorFlow's clipByValue give it (the ends belong to the
 * slope). PyTorch's `hardsigmoid` and Keras 3's `hard_sigmoid` use another slope, x / 6 + 1/2
 * clipped (kinks at +/-3, gradient 0 there): a model from those differs from this one.
 *
 * Shapes: any float32 tensor in, the same shape out; output in [0, 1]. Two tfjs ops (mul/add,
 * clipByValue), with gradients on every backend; finite at any input.
 *
 * @example
 * hardSigmoid(tf.tensor([-3, -1, 0, 1, 3])); // [0, 0.3, 0.5, 0.7, 1]
 *
 * In plain words: sigmoid drawn with a ruler, cheaper and exactly 0 or 1 outside [-2.5, 2.5].
 */
export function hardSigmoid(x: tf.Tensor): tf.Tensor {
  assertActivationInput('hardSigmoid', x);
  return tf.tidy(() => tf.clipByValue(tf.add(tf.mul(x, tf.scalar(0.2)), tf.scalar(0.5)), 0, 1));
}
