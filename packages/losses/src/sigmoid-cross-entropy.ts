import * as tf from '@tensorflow/tfjs-core';
import { customGradient } from './custom-gradient.js';
import { assertDtype, assertInRange, assertKnownOptions, assertSameShape } from '@baihua/core';
import { type Reduction, type ScalarReduction, checkReduction, reduceLosses } from './reduction.js';
import { optionKeys } from './option-keys.js';

/** Options of {@link sigmoidCrossEntropy}. */
export interface SigmoidCrossEntropyOptions {
  /** eps in [0, 1): targets become t' = t (1 - eps) + eps / 2 (TensorFlow's rule). Default 0. */
  labelSmoothing?: number;
  /** Default 'mean' (over all elements). */
  reduction?: Reduction;
}

const optionNames = optionKeys<SigmoidCrossEntropyOptions>({ labelSmoothing: true, reduction: true });

/**
 * Element-wise binary cross-entropy on logits, in the stable form
 *   E = max(z, 0) - z t + ln(1 + e^{-|z|})   (= -t ln s(z) - (1 - t) ln(1 - s(z)))
 * with the exact gradient dE/dz = s(z) - t (a custom gradient: also right at z = 0).
 * Internal building block; inputs already checked, same shape.
 */
export const elementwiseSigmoidCrossEntropy = customGradient<[tf.Tensor, tf.Tensor]>(([targets, logits], save) => {
  const value = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, targets)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
  save([targets, logits]);
  return {
    value,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedTargets, savedLogits] = saved as [tf.Tensor, tf.Tensor];
      return [tf.mul(dy, tf.neg(savedLogits)), tf.mul(dy, tf.sub(tf.sigmoid(savedLogits), savedTargets))];
    },
  };
});

/**
 * Sigmoid (binary) cross-entropy for independent yes/no outputs, from logits:
 *   E_i = -t'_i ln s(z_i) - (1 - t'_i) ln(1 - s(z_i)),  t' = t (1 - eps) + eps / 2,
 * computed as max(z, 0) - z t' + ln(1 + e^{-|z|}); gradient s(z) - t'.
 *
 * Shapes: targets and logits of the same shape (targets in [0, 1], float32 or int32).
 * Out: scalar (mean over all elements), or the element-wise losses with reduction 'none'.
 * Defaults: labelSmoothing 0, reduction 'mean'.
 *
 * In plain words: one yes/no question per output, each marked like cross-entropy, so the
 * correction is again "predicted probability minus the truth".
 *
 * @example
 * sigmoidCrossEntropy(tf.tensor2d([[1, 0]]), tf.tensor2d([[2, -1]]));
 */
export function sigmoidCrossEntropy(
  targets: tf.Tensor,
  logits: tf.Tensor,
  options?: ScalarReduction<SigmoidCrossEntropyOptions>,
): tf.Scalar;
export function sigmoidCrossEntropy(
  targets: tf.Tensor,
  logits: tf.Tensor,
  options: SigmoidCrossEntropyOptions,
): tf.Tensor;
export function sigmoidCrossEntropy(
  targets: tf.Tensor,
  logits: tf.Tensor,
  options: SigmoidCrossEntropyOptions = {},
): tf.Tensor {
  const name = 'sigmoidCrossEntropy';
  assertKnownOptions(name, 'options', options, optionNames);
  assertSameShape(name, 'targets', targets, 'logits', logits);
  assertDtype(name, 'logits', logits, 'float32');
  assertDtype(name, 'targets', targets, ['float32', 'int32', 'bool']);
  const { labelSmoothing = 0 } = options;
  assertInRange(name, 'labelSmoothing', labelSmoothing, { min: 0, max: 1, maxExclusive: true });
  const reduction = checkReduction(name, options.reduction);
  return tf.tidy(() => {
    const t = tf.cast(targets, 'float32');
    const smoothed = labelSmoothing === 0 ? t : tf.add(tf.mul(t, 1 - labelSmoothing), labelSmoothing / 2);
    return reduceLosses(elementwiseSigmoidCrossEntropy(smoothed, logits), reduction);
  });
}
// fit and evaluate report accuracy for this loss and check its class indices (see core's LossFunction).
sigmoidCrossEntropy.accuracyKind = 'binary' as const;
