import * as tf from '@tensorflow/tfjs-core';
import { oneHotFloat } from './one-hot-float.js';
import { type EmbeddingDistance, pairwiseDistances } from './embedding-distance.js';
import { checkMiningInputs } from './mining-inputs.js';
import { sameLabelMatrix } from './identity-labels.js';
import type { Reduction, ScalarReduction } from './reduction.js';
import { withoutGradient } from './without-gradient.js';

/** Options of {@link semiHardTripletLoss}. */
export interface SemiHardTripletLossOptions {
  /** Default 0.2. */
  margin?: number;
  /** Default 'squared'. */
  distance?: EmbeddingDistance;
  /**
   * 'mean' over anchor-positive pairs; 'none' gives the [N, N] matrix over (anchor, positive), 0
   * off the pairs. Default 'mean'.
   */
  reduction?: Reduction;
}

/**
 * Semi-hard triplet loss (FaceNet's online mining, as TensorFlow Addons' triplet_semihard_loss):
 * for every anchor-positive pair (a, p) (same label, a != p) the negative is the nearest n with
 * d(a, n) > d(a, p) (semi-hard: farther than the positive, yet maybe inside the margin); when no
 * negative is that far, the farthest negative is used. Then
 *   L_ap = max(0, d(a, p) - d(a, n*) + margin),   'mean' over all anchor-positive pairs.
 * The choice of n* is a constant of the gradient; the gradient flows through d(a, p) and d(a, n*).
 *
 * Shapes: embeddings [N, D] float32; labels [N] int32 (or number[]). Out: scalar, or [N, N] with 'none'.
 * Defaults: margin 0.2, distance 'squared', reduction 'mean'. Memory: N^3 + N^2 D floats.
 *
 * In plain words: pick strangers that are tricky but not impossible, so training neither idles on
 * easy triplets nor collapses on the hardest ones.
 *
 * @example
 * semiHardTripletLoss(embeddings, [0, 0, 1, 1, 2, 2]);
 */
export function semiHardTripletLoss(
  embeddings: tf.Tensor,
  labels: tf.Tensor | readonly number[],
  options?: ScalarReduction<SemiHardTripletLossOptions>,
): tf.Scalar;
export function semiHardTripletLoss(
  embeddings: tf.Tensor,
  labels: tf.Tensor | readonly number[],
  options: SemiHardTripletLossOptions,
): tf.Tensor;
export function semiHardTripletLoss(
  embeddings: tf.Tensor,
  labels: tf.Tensor | readonly number[],
  options: SemiHardTripletLossOptions = {},
): tf.Tensor {
  const { rows, margin, distance, reduction } = checkMiningInputs('semiHardTripletLoss', embeddings, labels, options);
  return tf.tidy(() => {
    const same = sameLabelMatrix(labels);
    const positiveMask = tf.sub(same, tf.eye(rows));
    const distances = pairwiseDistances(embeddings, distance);
    // choice[a, p, n] = 1 for the negative n chosen for the pair (a, p).
    const choice = withoutGradient(
      (d, sameLabel) => {
        const negative = tf.expandDims(tf.logicalNot(tf.cast(sameLabel, 'bool')), 1); // [a, 1, n]
        const anchorNegative = tf.expandDims(d, 1); // [a, 1, n]
        const farther = tf.logicalAnd(negative, tf.greater(anchorNegative, tf.expandDims(d, 2))); // [a, p, n]
        const big = tf.fill([rows, rows, rows], Number.MAX_VALUE);
        const nearestFarther = tf.argMin(tf.where(farther, tf.broadcastTo(anchorNegative, [rows, rows, rows]), big), 2);
        const farthest = tf.argMax(tf.where(tf.squeeze(negative, [1]), d, tf.fill(d.shape, -1)), 1); // [a]
        const hasFarther = tf.any(farther, 2); // [a, p]
        const chosen = tf.where(hasFarther, nearestFarther, tf.broadcastTo(tf.expandDims(farthest, 1), [rows, rows]));
        return oneHotFloat(chosen, rows);
      },
      distances,
      same,
    );
    const negativeDistance = tf.sum(tf.mul(tf.expandDims(distances, 1), choice), 2); // [a, p]
    const hasNegative = tf.step(tf.sum(tf.sub(1, same), 1, true)); // [a, 1]
    const pairs = tf.mul(positiveMask, hasNegative);
    const losses = tf.mul(tf.relu(tf.add(tf.sub(distances, negativeDistance), margin)), pairs);
    if (reduction === 'none') return losses;
    if (reduction === 'sum') return tf.sum(losses);
    return tf.div(tf.sum(losses), tf.maximum(tf.sum(pairs), 1));
  });
}
