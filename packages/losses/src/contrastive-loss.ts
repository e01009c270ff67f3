import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  ShapeError,
  assertDtype,
  assertKnownOptions,
  assertNonNegative,
  assertRank,
  assertSameShape,
  describeShape,
} from '@baihua/core';
import { type Reduction, type ScalarReduction, checkReduction, reduceLosses } from './reduction.js';
import { optionKeys } from './option-keys.js';

/** Options of {@link contrastiveLoss}. */
export interface ContrastiveLossOptions {
  /** Margin m >= 0 a different pair must be apart by. Default 1. */
  margin?: number;
  /** Default 'mean' (over pairs). */
  reduction?: Reduction;
}

const optionNames = optionKeys<ContrastiveLossOptions>({ margin: true, reduction: true });

/**
 * Contrastive (verification) loss of DeepID2 (Sun et al. 2014), for pairs of embeddings:
 *   d = ||f_i - f_j||,   same pair: 1/2 d^2,   different pair: 1/2 max(0, m - d)^2
 * The same-pair term is computed from the squared distance (exact gradient f_i - f_j, also at d = 0);
 * the different-pair term uses d = sqrt(max(||f_i - f_j||^2, 1e-12)), so two identical embeddings of a
 * different pair get a zero gradient (the direction to push them apart is undefined), never NaN.
 *
 * Shapes: first, second [N, D] float32; same [N] (1 or true = same identity, 0 or false = different)
 * as a tensor (float32, int32 or bool) or a JS array. Out: scalar, or [N] with 'none'.
 * Defaults: margin 1, reduction 'mean'.
 *
 * In plain words: two photos of one person are pulled together; two different people are pushed
 * apart until they are at least a margin away, and then left alone.
 *
 * @example
 * const same = [true, false];
 * contrastiveLoss(tf.tensor2d([[0, 0], [0, 0]]), tf.tensor2d([[0.3, 0.4], [0.3, 0.4]]), same); // mean(0.125, 0.125)
 */
export function contrastiveLoss(
  first: tf.Tensor,
  second: tf.Tensor,
  same: tf.Tensor | readonly (number | boolean)[],
  options?: ScalarReduction<ContrastiveLossOptions>,
): tf.Scalar;
export function contrastiveLoss(
  first: tf.Tensor,
  second: tf.Tensor,
  same: tf.Tensor | readonly (number | boolean)[],
  options: ContrastiveLossOptions,
): tf.Tensor;
export function contrastiveLoss(
  first: tf.Tensor,
  second: tf.Tensor,
  same: tf.Tensor | readonly (number | boolean)[],
  options: ContrastiveLossOptions = {},
): tf.Tensor {
  const name = 'contrastiveLoss';
  assertKnownOptions(name, 'options', options, optionNames);
  assertRank(name, 'first', first, 2);
  assertDtype(name, 'first', first, 'float32');
  assertSameShape(name, 'first', first, 'second', second);
  const rows = first.shape[0] as number;
  if (Array.isArray(same)) {
    const list = same as readonly (number | boolean)[];
    if (list.length !== rows)
      throw new ShapeError(name, `expected same of length ${rows} (one flag per pair), got length ${list.length}`);
    list.forEach((flag, i) => {
      if (flag !== true && flag !== false && flag !== 0 && flag !== 1)
        throw new ArgumentError(name, `expected same[${i}] to be 0, 1, true or false, got ${String(flag)}`);
    });
  } else {
    assertRank(name, 'same', same as tf.Tensor, 1);
    const tensor = same as tf.Tensor;
    if (tensor.shape[0] !== rows)
      throw new ShapeError(
        name,
        `expected same of shape [${rows}] (one flag per pair), got ${describeShape(tensor.shape)}`,
      );
  }
  const { margin = 1 } = options;
  assertNonNegative(name, 'margin', margin);
  const reduction = checkReduction(name, options.reduction);
  return tf.tidy(() => {
    const flags = Array.isArray(same)
      ? tf.tensor1d(
          (same as readonly (number | boolean)[]).map((flag) => (flag === true || flag === 1 ? 1 : 0)),
          'float32',
        )
      : tf.cast(same as tf.Tensor, 'float32');
    const squared = tf.sum(tf.square(tf.sub(first, second)), -1);
    const gap = tf.relu(tf.sub(margin, tf.sqrt(tf.maximum(squared, 1e-12))));
    const losses = tf.mul(tf.add(tf.mul(flags, squared), tf.mul(tf.sub(1, flags), tf.square(gap))), 0.5);
    return reduceLosses(losses, reduction);
  });
}
