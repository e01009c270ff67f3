import * as tf from '@tensorflow/tfjs-core';
import { ShapeError, assertActivationInput, describeShape } from '@baihua/core';

function assertHasClassAxis(functionName: string, x: tf.Tensor): void {
  if (x.rank < 1)
    throw new ShapeError(functionName, `expected x of rank >= 1, got rank 0 (shape ${describeShape(x.shape)})`);
}

/** Softmax of x over its last axis as [B, K] (B = product of the leading sizes), with K. */
function softmaxRows(x: tf.Tensor): { s: tf.Tensor2D; classes: number } {
  const classes = x.shape[x.rank - 1] as number;
  return { s: tf.reshape(tf.softmax(x), [-1, classes]) as tf.Tensor2D, classes };
}

/**
 * The softmax Jacobian over the last axis: J_ij = d s_i / d z_j = s_i (delta_ij - s_j), i.e.
 * diag(s) - s s^T, with s = softmax(x).
 *
 * Shapes: x [..., K] (float32, rank >= 1) in, [..., K, K] out. Each row and column sums to 0;
 * the diagonal lies in [0, 0.25], the rest in [-0.25, 0].
 *
 * @example
 * softmaxJacobian(tf.tensor([0, 0])); // [[0.25, -0.25], [-0.25, 0.25]]
 *
 * In plain words: raising one candidate's score takes votes from all the others, in proportion
 * to how many each one had.
 */
export function softmaxJacobian(x: tf.Tensor): tf.Tensor {
  assertActivationInput('softmaxJacobian', x);
  assertHasClassAxis('softmaxJacobian', x);
  return tf.tidy(() => {
    const { s, classes } = softmaxRows(x);
    const column = tf.expandDims(s, 2);
    const jacobian = tf.sub(tf.mul(column, tf.eye(classes)), tf.matMul(column, tf.expandDims(s, 1)));
    return tf.reshape(jacobian, [...x.shape, classes]);
  });
}

/**
 * The log-softmax Jacobian over the last axis: J_ij = d logSoftmax_i / d z_j = delta_ij - s_j,
 * i.e. I - 1 s^T, with s = softmax(x).
 *
 * Shapes: x [..., K] (float32, rank >= 1) in, [..., K, K] out; entries in (-1, 1), rows sum to 0.
 *
 * @example
 * logSoftmaxJacobian(tf.tensor([0, 0])); // [[0.5, -0.5], [-0.5, 0.5]]
 *
 * In plain words: a log-probability answers fully to its own score and gives back what the
 * others take.
 */
export function logSoftmaxJacobian(x: tf.Tensor): tf.Tensor {
  assertActivationInput('logSoftmaxJacobian', x);
  assertHasClassAxis('logSoftmaxJacobian', x);
  return tf.tidy(() => {
    const { s, classes } = softmaxRows(x);
    const jacobian = tf.sub(tf.expandDims(tf.eye(classes), 0), tf.expandDims(s, 1));
    return tf.reshape(jacobian, [...x.shape, classes]);
  });
}
