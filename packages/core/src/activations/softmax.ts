import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput, readActivationAxis } from './activation-input.js';

/** Options for {@link softmax} and {@link logSoftmax}. */
export interface SoftmaxOptions {
  /** The axis to normalise over; negative counts from the end. Default -1 (the last). */
  axis?: number;
}

/**
 * Softmax along an axis: softmax(z)_i = e^(z_i - max z) / sum_j e^(z_j - max z).
 * Derivative (Jacobian): d softmax_i / d z_j = s_i (delta_ij - s_j), see `derivatives.softmaxJacobian`.
 *
 * Shapes: a float32 tensor of rank >= 1 in, the same shape out; along `axis` the values are
 * in [0, 1] and sum to 1. Subtracting the maximum first keeps e^z from overflowing (finite at
 * +/-1e4). tfjs's `tf.softmax` only takes the last axis; another axis is moved to the end and back.
 *
 * @example
 * softmax(tf.tensor([[1, 2, 3]]));              // [[0.0900, 0.2447, 0.6652]]
 * softmax(tf.tensor([[1, 2], [3, 4]]), { axis: 0 }); // columns sum to 1
 *
 * In plain words: the voting machine, turns an argument between scores into a probability
 * distribution everyone can accept.
 */
export function softmax(x: tf.Tensor, options?: SoftmaxOptions): tf.Tensor {
  assertActivationInput('softmax', x);
  const axis = readActivationAxis('softmax', x, options);
  return alongAxis(x, axis, (t) => tf.softmax(t));
}

/**
 * Applies `lastAxisFn` (an op that works along the last axis) along `axis` by transposing that
 * axis to the end and back. Transpose has a gradient, so autograd passes straight through.
 */
export function alongAxis(x: tf.Tensor, axis: number, lastAxisFn: (t: tf.Tensor) => tf.Tensor): tf.Tensor {
  if (axis === x.rank - 1) return lastAxisFn(x);
  const permutation = Array.from({ length: x.rank }, (_, i) => i);
  permutation[axis] = x.rank - 1;
  permutation[x.rank - 1] = axis;
  return tf.tidy(() => tf.transpose(lastAxisFn(tf.transpose(x, permutation)), permutation));
}
