import * as tf from '@tensorflow/tfjs-core';
import { customGradient } from './custom-gradient.js';
import { assertDtype, assertKnownOptions, assertNonNegative, assertRank } from '@baihua/core';
import { type ClassLabels, toTargetDistribution } from './class-labels.js';
import { type Reduction, type ScalarReduction, checkReduction, reduceLosses } from './reduction.js';
import { optionKeys } from './option-keys.js';

/** Options of {@link categoricalFocalLoss}. */
export interface CategoricalFocalLossOptions {
  /** Focusing exponent gamma >= 0; 0 gives alpha x cross-entropy. Default 2. */
  gamma?: number;
  /** Weight alpha >= 0 of every term. Default 0.25. */
  alpha?: number;
  /** Default 'mean' (over samples). */
  reduction?: Reduction;
}

const optionNames = optionKeys<CategoricalFocalLossOptions>({ gamma: true, alpha: true, reduction: true });

/**
 * Per-row focal loss l_n = -sum_k a_k (1 - p_k)^gamma ln p_k, p = softmax(z), with a written-out
 * gradient that stays finite when p_k reaches 1 (where (1 - p)^(gamma - 1) alone would blow up):
 *   g_k = a_k q_k^gamma (gamma p_k r_k - 1),  q = 1 - p = -expm1(ln p),  r = ln p / q (-> -1 as q -> 0)
 *   dl/dz_j = g_j - p_j sum_k g_k,   dl/da_k = -q_k^gamma ln p_k.
 */
function makeFocal(gamma: number) {
  return customGradient<[tf.Tensor, tf.Tensor]>(([weights, logits], save) => {
    const logProbs = tf.logSoftmax(logits);
    const q = tf.neg(tf.expm1(logProbs));
    const modulation = gamma === 0 ? tf.onesLike(q) : tf.pow(q, gamma);
    const value = tf.neg(tf.sum(tf.mul(tf.mul(weights, modulation), logProbs), -1));
    save([weights, logProbs, q, modulation]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [w, lp, savedQ, mod] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
        const p = tf.exp(lp);
        const small = tf.less(savedQ, 1e-6);
        const ratio = tf.where(small, tf.sub(-1, tf.mul(savedQ, 0.5)), tf.div(lp, tf.maximum(savedQ, 1e-6)));
        const g = tf.mul(tf.mul(w, mod), tf.sub(tf.mul(tf.mul(p, ratio), gamma), 1));
        const upstream = tf.expandDims(dy, -1);
        const dLogits = tf.mul(upstream, tf.sub(g, tf.mul(p, tf.sum(g, -1, true))));
        const dWeights = tf.mul(upstream, tf.neg(tf.mul(mod, lp)));
        return [dWeights, dLogits];
      },
    };
  });
}

/**
 * Categorical focal loss (Lin et al.; the seed's FL = -(1 - y^_t)^gamma ln y^_t, weighted by alpha):
 *   FL_n = -alpha (1 - p_t)^gamma ln p_t,   p = softmax(z_n), t = the true class
 * and for label rows FL_n = -alpha sum_k t_k (1 - p_k)^gamma ln p_k. 'mean' averages over samples.
 * The gradient is written out (finite for logits up to +/-1e4, any gamma >= 0).
 *
 * Shapes: labels [N] int32 (or number[]) or [N, K] rows; logits [N, K] float32. Out: scalar or [N].
 * Defaults: gamma 2, alpha 0.25, reduction 'mean'.
 *
 * In plain words: cross-entropy that turns the volume down on examples the model already gets right,
 * so the rare, hard ones are heard.
 *
 * @example
 * categoricalFocalLoss(tf.tensor1d([1], 'int32'), tf.tensor2d([[0.5, 2, -1]]), { gamma: 2 });
 */
export function categoricalFocalLoss(
  labels: ClassLabels,
  logits: tf.Tensor,
  options?: ScalarReduction<CategoricalFocalLossOptions>,
): tf.Scalar;
export function categoricalFocalLoss(
  labels: ClassLabels,
  logits: tf.Tensor,
  options: CategoricalFocalLossOptions,
): tf.Tensor;
export function categoricalFocalLoss(
  labels: ClassLabels,
  logits: tf.Tensor,
  options: CategoricalFocalLossOptions = {},
): tf.Tensor {
  const name = 'categoricalFocalLoss';
  assertKnownOptions(name, 'options', options, optionNames);
  assertRank(name, 'logits', logits, 2);
  assertDtype(name, 'logits', logits, 'float32');
  const { gamma = 2, alpha = 0.25 } = options;
  assertNonNegative(name, 'gamma', gamma);
  assertNonNegative(name, 'alpha', alpha);
  const reduction = checkReduction(name, options.reduction);
  return tf.tidy(() => {
    const targets = toTargetDistribution(name, labels, logits);
    return reduceLosses(makeFocal(gamma)(tf.mul(targets, alpha), logits), reduction);
  });
}
// fit and evaluate report accuracy for this loss and check its class indices (see core's LossFunction).
categoricalFocalLoss.accuracyKind = 'categorical' as const;
