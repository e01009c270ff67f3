import { ShapeError, assertRank, describeShape } from '@baihua/core';
import { softmaxCrossEntropy } from '@baihua/losses';
import * as tf from '@tensorflow/tfjs-core';

/**
 * Masked sequence cross-entropy for teacher forcing: with m_bt = 1 where targetIds_bt != 0
 * (`<pad>`), loss = sum_bt m_bt (-log softmax(logits_bt)[targetIds_bt]) / sum_bt m_bt: the mean
 * over real target tokens, so padding neither teaches nor dilutes. targetIds [B, T] (int32 or
 * float ids), logits [B, T, V] -> scalar. The seed's captioning loss -sum_t log P(w_t | image, w_<t),
 * averaged per word; the translation decoder's too. A `(labels, predictions)` loss for core's
 * `fit` / `trainStep`, computed with @baihua/losses' fused softmax cross-entropy.
 *
 * In plain words: how surprised the decoder is by each right next word, averaged over the real words.
 *
 * @example
 * const loss = sequenceCrossEntropy(tf.tensor2d([[4, 2, 0]], undefined, 'int32'), logits); // logits [1, 3, V]
 */
export function sequenceCrossEntropy(targetIds: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  assertRank('sequenceCrossEntropy', 'targetIds', targetIds, 2);
  assertRank('sequenceCrossEntropy', 'logits', logits, 3);
  if (targetIds.shape[0] !== logits.shape[0] || targetIds.shape[1] !== logits.shape[1]) {
    throw new ShapeError(
      'sequenceCrossEntropy',
      `expected targetIds [B, T] to match logits [B, T, V], got ${describeShape(targetIds.shape)} and ` +
        describeShape(logits.shape),
    );
  }
  return tf.tidy(() => {
    const [batch, time, vocabulary] = logits.shape as [number, number, number];
    const ids = tf.cast(tf.reshape(targetIds, [batch * time]), 'int32');
    const perToken = softmaxCrossEntropy(ids, tf.reshape(logits, [batch * time, vocabulary]), { reduction: 'none' });
    const mask = tf.cast(tf.notEqual(ids, 0), 'float32');
    return tf.div(tf.sum(tf.mul(perToken, mask)), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
  });
}
