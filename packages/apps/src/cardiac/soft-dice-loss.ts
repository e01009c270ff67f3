import * as tf from '@tensorflow/tfjs-core';
import { assertDtype, assertFiniteNumber, assertKnownOptions, assertSameShape, ArgumentError } from '@baihua/core';
import { sigmoidCrossEntropy } from '@baihua/losses';

/** Options of {@link softDiceLoss}. */
export interface SoftDiceLossOptions {
  /** Added to numerator and denominator, so an empty target with an empty prediction scores 1. Default 1. */
  smooth?: number;
}

/**
 * Soft Dice loss, one Dice per sample (the first axis), averaged over the batch:
 *   D_b = (2 sum_i p_i t_i + s) / (sum_i p_i + sum_i t_i + s),  loss = 1 - mean_b D_b,
 * with p the predicted probabilities in [0, 1] and t the targets in {0, 1} (any shape [batch, ...],
 * the same for both). Gradient dD/dp_i = (2 t_i (P + T + s) - (2 I + s)) / (P + T + s)^2.
 *
 * @example
 * softDiceLoss(tf.tensor2d([[1, 0]]), tf.tensor2d([[0.9, 0.2]])); // 1 - (1.8 + 1) / (1.1 + 1 + 1) = 0.097
 *
 * In plain words: how little the predicted and true regions overlap, measured relative to their sizes, so
 * a small cavity counts as much as a large one.
 */
export function softDiceLoss(
  targets: tf.Tensor,
  probabilities: tf.Tensor,
  options: SoftDiceLossOptions = {},
): tf.Scalar {
  const fn = 'softDiceLoss';
  assertKnownOptions(fn, 'options', options, ['smooth']);
  assertSameShape(fn, 'targets', targets, 'probabilities', probabilities);
  assertDtype(fn, 'probabilities', probabilities, 'float32');
  if (targets.rank < 1) throw new ArgumentError(fn, 'expected targets with a batch axis, got a scalar');
  const { smooth = 1 } = options;
  assertFiniteNumber(fn, 'options.smooth', smooth);
  if (smooth < 0) throw new ArgumentError(fn, `expected options.smooth >= 0, got ${smooth}`);
  return tf.tidy(() => {
    // Rank 2 before reducing: webgpu mishandles some rank-5 ops (TFJS-NOTES).
    const batch = targets.shape[0] as number;
    const t = tf.reshape(tf.cast(targets, 'float32'), [batch, -1]);
    const p = tf.reshape(probabilities, [batch, -1]);
    const overlap = tf.sum(tf.mul(p, t), 1);
    const sizes = tf.add(tf.sum(p, 1), tf.sum(t, 1));
    const dice = tf.div(tf.add(tf.mul(overlap, 2), smooth), tf.add(sizes, smooth));
    return tf.sub(1, tf.mean(dice)) as tf.Scalar;
  });
}

/**
 * The segmentation loss of the cardiac U-Net, on logits z: binary cross-entropy (mean over every
 * voxel, @baihua/losses' sigmoidCrossEntropy) plus soft Dice of sigmoid(z) ({@link softDiceLoss}):
 *   loss = BCE(t, z) + (1 - mean_b D_b(sigmoid(z), t)).
 * BCE gives every voxel a steady gradient from the start; Dice keeps a small cavity from being
 * outvoted by the background. Targets and logits of the same shape [batch, ...].
 *
 * @example
 * const loss = diceBceLoss(masks, model.apply(images)); // fit(model, data, { loss: diceBceLoss })
 *
 * In plain words: right voxel by voxel, and right about the region's overlap as a whole.
 */
export function diceBceLoss(targets: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  const fn = 'diceBceLoss';
  assertSameShape(fn, 'targets', targets, 'logits', logits);
  assertDtype(fn, 'logits', logits, 'float32');
  return tf.tidy(() => {
    const batch = targets.shape[0] as number;
    // Rank 2 throughout (webgpu and rank-5 broadcasting: TFJS-NOTES).
    const t = tf.reshape(tf.cast(targets, 'float32'), [batch, -1]);
    const z = tf.reshape(logits, [batch, -1]);
    return tf.add(sigmoidCrossEntropy(t, z), softDiceLoss(t, tf.sigmoid(z))) as tf.Scalar;
  });
}
