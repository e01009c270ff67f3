import * as tf from '@tensorflow/tfjs-core';
import {
  assertDtype,
  assertKnownOptions,
  assertNonNegative,
  assertOneOf,
  assertRank,
  assertSameShape,
} from '@baihua/core';
import { type EmbeddingDistance, embeddingDistance, embeddingDistances } from './embedding-distance.js';
import { type Reduction, type ScalarReduction, checkReduction, reduceLosses } from './reduction.js';
import { optionKeys } from './option-keys.js';

/** Options of {@link tripletLoss}. */
export interface TripletLossOptions {
  /** Margin alpha >= 0 the negative must be farther by. Default 0.2 (the seed's "usually 0.2"). */
  margin?: number;
  /** 'squared' (FaceNet, the seed) or 'euclidean' (PyTorch TripletMarginLoss). Default 'squared'. */
  distance?: EmbeddingDistance;
  /** Default 'mean' (over triplets). */
  reduction?: Reduction;
}

const optionNames = optionKeys<TripletLossOptions>({ margin: true, distance: true, reduction: true });

/**
 * Triplet loss (FaceNet; the seed's L = sum [ ||f(A) - f(P)||^2 - ||f(A) - f(N)||^2 + alpha ]_+):
 *   L_n = max(0, d(a_n, p_n) - d(a_n, n_n) + margin)
 * with d the squared distance ('squared') or PyTorch's Euclidean distance ||a - p + 1e-6|| ('euclidean').
 * Exactly at the hinge (d(a, p) - d(a, n) + margin = 0) the loss and its gradient are 0 (relu's rule).
 *
 * Shapes: anchor, positive, negative [N, D] float32. Out: scalar, or [N] with 'none'.
 * Defaults: margin 0.2, distance 'squared', reduction 'mean'.
 *
 * In plain words: pull the photo of the same person closer than any stranger, by at least a margin;
 * once that holds the triplet costs nothing.
 *
 * @example
 * tripletLoss(anchor, positive, negative, { margin: 0.2 });
 */
export function tripletLoss(
  anchor: tf.Tensor,
  positive: tf.Tensor,
  negative: tf.Tensor,
  options?: ScalarReduction<TripletLossOptions>,
): tf.Scalar;
export function tripletLoss(
  anchor: tf.Tensor,
  positive: tf.Tensor,
  negative: tf.Tensor,
  options: TripletLossOptions,
): tf.Tensor;
export function tripletLoss(
  anchor: tf.Tensor,
  positive: tf.Tensor,
  negative: tf.Tensor,
  options: TripletLossOptions = {},
): tf.Tensor {
  const name = 'tripletLoss';
  assertKnownOptions(name, 'options', options, optionNames);
  assertRank(name, 'anchor', anchor, 2);
  assertDtype(name, 'anchor', anchor, 'float32');
  assertSameShape(name, 'anchor', anchor, 'positive', positive);
  assertSameShape(name, 'anchor', anchor, 'negative', negative);
  const { margin = 0.2, distance = 'squared' } = options;
  assertNonNegative(name, 'margin', margin);
  assertOneOf(name, 'distance', distance, embeddingDistances);
  const reduction = checkReduction(name, options.reduction);
  return tf.tidy(() => {
    const positiveDistance = embeddingDistance(anchor, positive, distance);
    const negativeDistance = embeddingDistance(anchor, negative, distance);
    return reduceLosses(tf.relu(tf.add(tf.sub(positiveDistance, negativeDistance), margin)), reduction);
  });
}
