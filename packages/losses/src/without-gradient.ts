import * as tf from '@tensorflow/tfjs-core';
import { customGradient } from './custom-gradient.js';

/**
 * Runs `compute` on `inputs` as a constant of the gradient: the result gets no gradient and the ops
 * inside (comparisons, argMin, oneHot) are never recorded on the tape, so a selection made from
 * differentiated values (which negative is the hardest) cannot break tf.grad. tfjs has no
 * stopGradient; a custom gradient that returns zeros is one.
 * Internal helper.
 */
export function withoutGradient(compute: (...inputs: tf.Tensor[]) => tf.Tensor, ...inputs: tf.Tensor[]): tf.Tensor {
  const shapes = inputs.map((input) => input.shape);
  const constant = customGradient((args) => ({
    value: compute(...args),
    gradFunc: () => shapes.map((shape) => tf.zeros(shape)),
  }));
  return constant(...inputs);
}
