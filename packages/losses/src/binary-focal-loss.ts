import * as tf from '@tensorflow/tfjs-core';
import { customGradient } from './custom-gradient.js';
import {
  ArgumentError,
  assertDtype,
  assertFiniteNumber,
  assertKnownOptions,
  assertNonNegative,
  assertSameShape,
} from '@baihua/core';
import { type Reduction, type ScalarReduction, checkReduction, reduceLosses } from './reduction.js';
import { optionKeys } from './option-keys.js';

/** Options of {@link binaryFocalLoss}. */
export interface BinaryFocalLossOptions {
  /** Focusing exponent gamma >= 0. Default 2. */
  gamma?: number;
  /**
   * Weight of the positives, alpha in [0, 1] (negatives get 1 - alpha); a negative value turns
   * weighting off (torchvision). Default 0.25.
   */
  alpha?: number;
  /** Default 'mean' (over all elements). */
  reduction?: Reduction;
}

const optionNames = optionKeys<BinaryFocalLossOptions>({ gamma: true, alpha: true, reduction: true });

/**
 * Element-wise sigmoid focal loss with a written-out gradient:
 *   ce = max(z,0) - z t + ln(1 + e^{-|z|}),  m = 1 - p_t = t s(-z) + (1 - t) s(z),  l = alpha_t ce m^gamma
 *   dl/dz = alpha_t m^gamma [ (s(z) - t) + gamma (ce / m) s(z) s(-z) (1 - 2t) ]
 * ce / m stays bounded (-> 1) as m -> 0, so the gradient is finite for any gamma >= 0.
 */
function makeBinaryFocal(gamma: number) {
  return customGradient<[tf.Tensor, tf.Tensor, tf.Tensor]>(([targets, alphaT, logits], save) => {
    const ce = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, targets)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
    const s = tf.sigmoid(logits);
    const sNeg = tf.sigmoid(tf.neg(logits));
    const m = tf.add(tf.mul(targets, sNeg), tf.mul(tf.sub(1, targets), s));
    const modulation = gamma === 0 ? tf.onesLike(m) : tf.pow(m, gamma);
    const value = tf.mul(tf.mul(alphaT, ce), modulation);
    save([targets, alphaT, ce, s, sNeg, m, modulation]);
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [t, a, savedCe, sig, sigNeg, savedM, mod] = saved as [
          tf.Tensor,
          tf.Tensor,
          tf.Tensor,
          tf.Tensor,
          tf.Tensor,
          tf.Tensor,
          tf.Tensor,
        ];
        const ratio = tf.div(savedCe, tf.maximum(savedM, 1e-30));
        const focusTerm = tf.mul(tf.mul(tf.mul(ratio, tf.mul(sig, sigNeg)), tf.sub(1, tf.mul(t, 2))), gamma);
        const dLogits = tf.mul(tf.mul(tf.mul(dy, a), mod), tf.add(tf.sub(sig, t), focusTerm));
        return [tf.zerosLike(t), tf.mul(dy, tf.mul(savedCe, mod)), dLogits];
      },
    };
  });
}

/**
 * Binary (sigmoid) focal loss, torchvision.ops.sigmoid_focal_loss:
 *   p = s(z), p_t = p t + (1 - p)(1 - t), alpha_t = alpha t + (1 - alpha)(1 - t),
 *   FL = alpha_t (1 - p_t)^gamma BCE(z, t)        (alpha < 0: alpha_t = 1)
 * 'mean' averages over all elements. Gradient written out, finite for logits up to +/-1e4.
 * The gradient with respect to targets is not provided (reported as zero): targets are data.
 *
 * Shapes: targets and logits of the same shape (targets in [0, 1]). Out: scalar, or element-wise with 'none'.
 * Defaults: gamma 2, alpha 0.25, reduction 'mean'.
 *
 * In plain words: a yes/no cross-entropy that mutes the easy background examples, as in object detection.
 *
 * @example
 * binaryFocalLoss(tf.tensor2d([[1, 0, 0]]), tf.tensor2d([[0.3, -2, 4]]));
 */
export function binaryFocalLoss(
  targets: tf.Tensor,
  logits: tf.Tensor,
  options?: ScalarReduction<BinaryFocalLossOptions>,
): tf.Scalar;
export function binaryFocalLoss(targets: tf.Tensor, logits: tf.Tensor, options: BinaryFocalLossOptions): tf.Tensor;
export function binaryFocalLoss(
  targets: tf.Tensor,
  logits: tf.Tensor,
  options: BinaryFocalLossOptions = {},
): tf.Tensor {
  const name = 'binaryFocalLoss';
  assertKnownOptions(name, 'options', options, optionNames);
  assertSameShape(name, 'targets', targets, 'logits', logits);
  assertDtype(name, 'logits', logits, 'float32');
  assertDtype(name, 'targets', targets, ['float32', 'int32', 'bool']);
  const { gamma = 2, alpha = 0.25 } = options;
  assertNonNegative(name, 'gamma', gamma);
  assertFiniteNumber(name, 'alpha', alpha);
  if (alpha > 1)
    throw new ArgumentError(name, `expected alpha in [0, 1] (or negative to turn weighting off), got ${alpha}`);
  const reduction = checkReduction(name, options.reduction);
  return tf.tidy(() => {
    const t = tf.cast(targets, 'float32');
    const alphaT = alpha < 0 ? tf.onesLike(t) : tf.add(tf.mul(t, alpha), tf.mul(tf.sub(1, t), 1 - alpha));
    return reduceLosses(makeBinaryFocal(gamma)(t, alphaT, logits), reduction);
  });
}
// fit and evaluate report accuracy for this loss and check its class indices (see core's LossFunction).
binaryFocalLoss.accuracyKind = 'binary' as const;
