import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertNonNegative, assertTensor } from '@baihua/core';

/**
 * L2 penalty (weight decay) of one or more weight tensors:
 *   R = lambda / 2 * sum_W sum_ij W_ij^2,   dR/dW = lambda W
 * so adding it to a loss gives the seed's update W <- W - lr (dE/dW + lambda W).
 *
 * Shapes: weights a tf.Tensor or an array of them (any shapes, float32). Out: scalar.
 * lambda >= 0 (no default: choose it, e.g. by cross-validation, as the seed says).
 *
 * In plain words: the CEO's oversight of the weights; every large weight pays a tax, so no single
 * connection grows a monopoly (over-fitting), and too much tax stifles learning (under-fitting).
 *
 * @example
 * const loss = tf.add(softmaxCrossEntropy(labels, logits), l2Penalty([dense.kernel, conv.kernel], 1e-4));
 */
export function l2Penalty(weights: tf.Tensor | readonly tf.Tensor[], lambda: number): tf.Scalar {
  const name = 'l2Penalty';
  const list = Array.isArray(weights) ? (weights as readonly tf.Tensor[]) : [weights as tf.Tensor];
  if (list.length === 0)
    throw new ArgumentError(
      name,
      'expected weights to be a tensor or a non-empty array of tensors, got an empty array',
    );
  list.forEach((w, i) => assertTensor(name, Array.isArray(weights) ? `weights[${i}]` : 'weights', w));
  assertNonNegative(name, 'lambda', lambda);
  return tf.tidy(() => {
    const total = list.map((w) => tf.sum(tf.square(tf.cast(w, 'float32')))).reduce((sum, term) => tf.add(sum, term));
    return tf.mul(total, lambda / 2) as tf.Scalar;
  });
}
