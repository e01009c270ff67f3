import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  ShapeError,
  assertDtype,
  assertInRange,
  assertKnownOptions,
  assertRank,
  describeShape,
} from '@baihua/core';
import { type ClassLabels, toTargetDistribution } from './class-labels.js';
import { fusedSoftmaxCrossEntropy } from './fused-softmax-cross-entropy.js';
import { type Reduction, type ScalarReduction, checkReduction, reduceLosses } from './reduction.js';
import { optionKeys } from './option-keys.js';

/** Options of {@link softmaxCrossEntropy}. */
export interface SoftmaxCrossEntropyOptions {
  /** eps in [0, 1): targets become t' = (1 - eps) t + eps / K. Default 0. */
  labelSmoothing?: number;
  /** One weight per class (length K, each >= 0); 'mean' becomes PyTorch's weighted mean. Default none. */
  classWeights?: tf.Tensor | readonly number[];
  /** Default 'mean'. */
  reduction?: Reduction;
}

const optionNames = optionKeys<SoftmaxCrossEntropyOptions>({
  labelSmoothing: true,
  classWeights: true,
  reduction: true,
});

/**
 * Softmax cross-entropy of logits against class labels, fused:
 *   E_n = -sum_k w_k t'_k ln softmax(z_n)_k,   t' = (1 - eps) t + eps / K,
 * with the gradient dE_n/dz = softmax(z_n) sum_k w_k t'_k - w t'  (the seed's y^ - t when w = 1),
 * computed directly by a custom gradient, never through ln(softmax).
 * 'mean' is (1/N) sum_n E_n; with classWeights it is PyTorch's weighted mean
 * sum_n E_n / sum_n w[y_n] (for label rows, sum_n sum_k w_k t_nk, which is the same for one-hot rows).
 *
 * Shapes: labels [N] int32 (or number[]) or [N, K] rows; logits [N, K] float32.
 * Out: scalar, or [N] with reduction 'none'.
 * Defaults: labelSmoothing 0, no class weights, reduction 'mean'.
 *
 * In plain words: how surprised the model is by the right answer; its gradient is simply
 * "what you predicted minus what was right", the seed's golden pair of softmax and cross-entropy.
 *
 * @example
 * const logits = tf.tensor2d([[1, 2, 3], [3, 0, 0]]);
 * const loss = softmaxCrossEntropy(tf.tensor1d([2, 0], 'int32'), logits, { labelSmoothing: 0.1 });
 */
export function softmaxCrossEntropy(
  labels: ClassLabels,
  logits: tf.Tensor,
  options?: ScalarReduction<SoftmaxCrossEntropyOptions>,
): tf.Scalar;
export function softmaxCrossEntropy(
  labels: ClassLabels,
  logits: tf.Tensor,
  options: SoftmaxCrossEntropyOptions,
): tf.Tensor;
export function softmaxCrossEntropy(
  labels: ClassLabels,
  logits: tf.Tensor,
  options: SoftmaxCrossEntropyOptions = {},
): tf.Tensor {
  const name = 'softmaxCrossEntropy';
  assertKnownOptions(name, 'options', options, optionNames);
  assertRank(name, 'logits', logits, 2);
  assertDtype(name, 'logits', logits, 'float32');
  const { labelSmoothing = 0, classWeights } = options;
  const reduction = checkReduction(name, options.reduction);
  assertInRange(name, 'labelSmoothing', labelSmoothing, { min: 0, max: 1, maxExclusive: true });
  const numClasses = logits.shape[1] as number;
  checkClassWeights(name, classWeights, numClasses);
  return tf.tidy(() => {
    const targets = toTargetDistribution(name, labels, logits);
    const smoothed =
      labelSmoothing === 0 ? targets : tf.add(tf.mul(targets, 1 - labelSmoothing), labelSmoothing / numClasses);
    if (classWeights === undefined) return reduceLosses(fusedSoftmaxCrossEntropy(smoothed, logits), reduction);
    const weights = Array.isArray(classWeights)
      ? tf.tensor1d(classWeights as number[], 'float32')
      : tf.cast(classWeights as tf.Tensor, 'float32');
    const losses = fusedSoftmaxCrossEntropy(tf.mul(smoothed, weights), logits);
    return reduceLosses(losses, reduction, tf.sum(tf.mul(targets, weights)));
  });
}
// fit and evaluate report accuracy for this loss and check its class indices (see core's LossFunction).
softmaxCrossEntropy.accuracyKind = 'categorical' as const;

/** Throws unless classWeights is absent or has K entries (an array's entries must be >= 0). */
export function checkClassWeights(
  functionName: string,
  classWeights: tf.Tensor | readonly number[] | undefined,
  numClasses: number,
): void {
  if (classWeights === undefined) return;
  if (Array.isArray(classWeights)) {
    const list = classWeights as readonly number[];
    if (list.length !== numClasses)
      throw new ShapeError(
        functionName,
        `expected classWeights of length ${numClasses} (one per class), got length ${list.length}`,
      );
    list.forEach((w, i) => {
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0)
        throw new ArgumentError(functionName, `expected classWeights[${i}] >= 0, got ${String(w)}`);
    });
    return;
  }
  assertRank(functionName, 'classWeights', classWeights as tf.Tensor, 1);
  const tensor = classWeights as tf.Tensor;
  if (tensor.shape[0] !== numClasses) {
    throw new ShapeError(
      functionName,
      `expected classWeights of shape [${numClasses}] (one per class), got ${describeShape(tensor.shape)}`,
    );
  }
}
