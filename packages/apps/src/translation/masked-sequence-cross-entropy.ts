import { assertRank, ShapeError } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';

/**
 * Cross-entropy over padded target sequences: labels [B, T] (ids, 0 = `<pad>`), logits [B, T, V];
 * loss = sum over real positions (label != 0) of -log softmax(logits)[label], divided by their
 * count (at least 1). Padded positions add nothing and get no gradient. A `(labels, predictions)`
 * loss for core's `fit` / `trainStep`.
 *
 * @example
 * const loss = maskedSequenceCrossEntropy(tf.tensor2d([[5, 2, 0]], [1, 3], 'int32'), logits); // logits [1, 3, V]
 *
 * In plain words: how surprised the model is by each real next token, ignoring the filler.
 */
export function maskedSequenceCrossEntropy(labels: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  const fn = 'maskedSequenceCrossEntropy';
  assertRank(fn, 'labels', labels, 2);
  assertRank(fn, 'logits', logits, 3);
  if (labels.shape[0] !== logits.shape[0] || labels.shape[1] !== logits.shape[1])
    throw new ShapeError(
      fn,
      `expected labels [B, T] matching logits [B, T, V], got [${labels.shape}] and [${logits.shape}]`,
    );
  return tf.tidy(() => {
    const ids = tf.cast(labels, 'int32');
    const real = tf.cast(tf.notEqual(ids, 0), 'float32');
    const picked = tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(ids, logits.shape[2] as number)), -1);
    return tf.div(tf.neg(tf.sum(tf.mul(picked, real))), tf.maximum(tf.sum(real), 1)) as tf.Scalar;
  });
}
