import * as tf from '@tensorflow/tfjs-core';
import { oneHotFloat } from './one-hot-float.js';
import { type EmbeddingDistance, pairwiseDistances } from './embedding-distance.js';
import { checkMiningInputs } from './mining-inputs.js';
import { sameLabelMatrix } from './identity-labels.js';
import type { Reduction, ScalarReduction } from './reduction.js';
import { withoutGradient } from './without-gradient.js';

/** Options of {@link batchHardTripletLoss}. */
export interface BatchHardTripletLossOptions {
  /** Default 0.2. */
  margin?: number;
  /** Default 'squared'. */
  distance?: EmbeddingDistance;
  /**
   * 'mean' over anchors that have both a positive and a negative; 'none' gives [N] (0 for the
   * others). Default 'mean'.
   */
  reduction?: Reduction;
}

/**
 * Batch-hard triplet loss (Hermans et al. 2017): every row is an anchor; its hardest positive is the
 * farthest row with the same label, its hardest negative the nearest row with another label:
 *   L_a = max(0, max_{p: y_p = y_a, p != a} d(a, p) - min_{n: y_n != y_a} d(a, n) + margin)
 * The choice of p and n is a constant of the gradient (made without gradient tracking); the
 * gradient flows through the two chosen distances. Anchors without a positive or a negative
 * are left out of the mean.
 *
 * Shapes: embeddings [N, D] float32; labels [N] int32 (or number[]). Out: scalar, or [N] with 'none'.
 * Defaults: margin 0.2, distance 'squared', reduction 'mean'. Memory: N^2 D floats.
 *
 * In plain words: in every batch, each face is compared with its least similar twin and its most
 * confusable stranger, the triplets that still teach something.
 *
 * @example
 * batchHardTripletLoss(embeddings, tf.tensor1d([0, 0, 1, 1], 'int32'), { margin: 0.2 });
 */
export function batchHardTripletLoss(
  embeddings: tf.Tensor,
  labels: tf.Tensor | readonly number[],
  options?: ScalarReduction<BatchHardTripletLossOptions>,
): tf.Scalar;
export function batchHardTripletLoss(
  embeddings: tf.Tensor,
  labels: tf.Tensor | readonly number[],
  options: BatchHardTripletLossOptions,
): tf.Tensor;
export function batchHardTripletLoss(
  embeddings: tf.Tensor,
  labels: tf.Tensor | readonly number[],
  options: BatchHardTripletLossOptions = {},
): tf.Tensor {
  const { rows, margin, distance, reduction } = checkMiningInputs('batchHardTripletLoss', embeddings, labels, options);
  return tf.tidy(() => {
    const same = sameLabelMatrix(labels);
    const positiveMask = tf.sub(same, tf.eye(rows));
    const negativeMask = tf.sub(1, same);
    const distances = pairwiseDistances(embeddings, distance);
    // One-hot choices [2, N, N]: row 0 the hardest positive of each anchor, row 1 the hardest negative.
    const choice = withoutGradient(
      (d, pos, neg) => {
        const hardestPositive = tf.argMax(tf.where(tf.cast(pos, 'bool'), d, tf.fill(d.shape, -1)), 1);
        const hardestNegative = tf.argMin(tf.where(tf.cast(neg, 'bool'), d, tf.fill(d.shape, Number.MAX_VALUE)), 1);
        return tf.stack([oneHotFloat(hardestPositive, rows), oneHotFloat(hardestNegative, rows)]);
      },
      distances,
      positiveMask,
      negativeMask,
    );
    const [positiveChoice, negativeChoice] = tf.unstack(choice) as [tf.Tensor, tf.Tensor];
    const positiveDistance = tf.sum(tf.mul(distances, positiveChoice), 1);
    const negativeDistance = tf.sum(tf.mul(distances, negativeChoice), 1);
    const valid = tf.mul(tf.step(tf.sum(positiveMask, 1)), tf.step(tf.sum(negativeMask, 1)));
    const losses = tf.mul(tf.relu(tf.add(tf.sub(positiveDistance, negativeDistance), margin)), valid);
    if (reduction === 'none') return losses;
    if (reduction === 'sum') return tf.sum(losses);
    return tf.div(tf.sum(losses), tf.maximum(tf.sum(valid), 1));
  });
}
