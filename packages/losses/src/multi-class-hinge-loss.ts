import * as tf from '@tensorflow/tfjs-core';
import { assertDtype, assertKnownOptions, assertNonNegative, assertRank } from '@baihua/core';
import { type ClassLabels, toTargetDistribution } from './class-labels.js';
import { optionKeys } from './option-keys.js';
import { type Reduction, type ScalarReduction, checkReduction, reduceLosses } from './reduction.js';

/** Options of {@link multiClassHingeLoss}. */
export interface MultiClassHingeLossOptions {
  /** Margin m >= 0 the true class must win by. Default 1. */
  margin?: number;
  /** Default 'mean' (over samples). */
  reduction?: Reduction;
}

const optionNames = optionKeys<MultiClassHingeLossOptions>({ margin: true, reduction: true });

/**
 * Multi-class hinge loss, PyTorch's multi_margin_loss with p = 1:
 *   E_n = (1 / K) sum_{k != y_n} max(0, m - z_{y_n} + z_k)
 * Gradient (sub-gradient 0 at the kink, as PyTorch): +1/K for each violating class k, and
 * -(number of violators)/K for the true class.
 *
 * Shapes: labels [N] int32 (or number[]) or one-hot rows [N, K]; logits [N, K] float32.
 * Out: scalar, or [N] with 'none'. Defaults: margin 1, reduction 'mean'.
 * Label rows must be one-hot (a soft row is read as the weights of z_y = sum_k t_k z_k and of the
 * mask 1 - t, which is only meaningful for one-hot rows).
 *
 * In plain words: the right class must beat every other class by a safety margin; once it does,
 * the example costs nothing and teaches nothing.
 *
 * @example
 * multiClassHingeLoss(tf.tensor1d([0], 'int32'), tf.tensor2d([[2, 1.5, -1]])); // (0.5 + 0) / 3
 */
export function multiClassHingeLoss(
  labels: ClassLabels,
  logits: tf.Tensor,
  options?: ScalarReduction<MultiClassHingeLossOptions>,
): tf.Scalar;
export function multiClassHingeLoss(
  labels: ClassLabels,
  logits: tf.Tensor,
  options: MultiClassHingeLossOptions,
): tf.Tensor;
export function multiClassHingeLoss(
  labels: ClassLabels,
  logits: tf.Tensor,
  options: MultiClassHingeLossOptions = {},
): tf.Tensor {
  const name = 'multiClassHingeLoss';
  assertKnownOptions(name, 'options', options, optionNames);
  assertRank(name, 'logits', logits, 2);
  assertDtype(name, 'logits', logits, 'float32');
  const { margin = 1 } = options;
  assertNonNegative(name, 'margin', margin);
  const reduction = checkReduction(name, options.reduction);
  return tf.tidy(() => {
    const targets = toTargetDistribution(name, labels, logits);
    const trueLogit = tf.sum(tf.mul(targets, logits), -1, true);
    const violations = tf.relu(tf.add(tf.sub(logits, trueLogit), margin));
    const perSample = tf.div(tf.sum(tf.mul(violations, tf.sub(1, targets)), -1), logits.shape[1] as number);
    return reduceLosses(perSample, reduction);
  });
}
// fit and evaluate report accuracy for this loss and check its class indices (see core's LossFunction).
multiClassHingeLoss.accuracyKind = 'categorical' as const;
