import * as tf from '@tensorflow/tfjs-core';

/**
 * 'squared': ||a - b||^2 (FaceNet's and the seed's triplet form).
 * 'euclidean': ||a - b + 1e-6|| (PyTorch's pairwise_distance, used by TripletMarginLoss).
 */
export type EmbeddingDistance = 'squared' | 'euclidean';

/** The distances every metric loss accepts, for option checks. */
export const embeddingDistances: readonly EmbeddingDistance[] = ['squared', 'euclidean'];

/**
 * Distance along the last axis between `a` and `b` (same shape [..., D]) -> [...].
 * The Euclidean form adds PyTorch's eps = 1e-6 to the difference and takes sqrt(max(s, 1e-12)),
 * so identical vectors give a finite (zero) gradient instead of NaN.
 * Internal helper: call inside a tf.tidy.
 */
export function embeddingDistance(a: tf.Tensor, b: tf.Tensor, distance: EmbeddingDistance): tf.Tensor {
  if (distance === 'squared') return tf.sum(tf.square(tf.sub(a, b)), -1);
  return tf.sqrt(tf.maximum(tf.sum(tf.square(tf.add(tf.sub(a, b), 1e-6)), -1), 1e-12));
}

/**
 * All pairwise distances of the rows of `embeddings` [N, D] -> [N, N], computed from the
 * [N, N, D] differences (exact, and a zero diagonal with zero gradient; memory N^2 D).
 * Internal helper: call inside a tf.tidy.
 */
export function pairwiseDistances(embeddings: tf.Tensor, distance: EmbeddingDistance): tf.Tensor {
  const differences = tf.sub(tf.expandDims(embeddings, 1), tf.expandDims(embeddings, 0));
  const squared = tf.sum(tf.square(differences), -1);
  return distance === 'squared' ? squared : tf.sqrt(tf.maximum(squared, 1e-12));
}
