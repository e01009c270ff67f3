import * as tf from '@tensorflow/tfjs-core';
import { ShapeError, assertDtype, assertKnownOptions, assertOneOf, assertSameShape } from '@baihua/core';
import { type Reduction, type ScalarReduction, checkReduction, reduceLosses } from './reduction.js';
import { optionKeys } from './option-keys.js';

/** Options of {@link meanSquaredError}. */
export interface MeanSquaredErrorOptions {
  /**
   * 'elementMean' (default; PyTorch's and Keras's): mean over all elements of (t - y)^2.
   * 'seed': the seed's E = 1/(2N) sum_n sum_k (t_k - y_k)^2, i.e. half the squared error summed over
   * each sample (axis 0 indexes samples), averaged over samples; its gradient is (y - t) / N.
   */
  form?: 'elementMean' | 'seed';
  /** Default 'mean'. With 'none': per element ('elementMean') or per sample ('seed'). */
  reduction?: Reduction;
}

const optionNames = optionKeys<MeanSquaredErrorOptions>({ form: true, reduction: true });

/**
 * Mean squared error.
 *   'elementMean': E = (1 / M) sum_i (t_i - y_i)^2 over all M elements
 *   'seed':        E = 1/(2N) sum_n sum_k (t_k^(n) - y_k^(n))^2
 *
 * Shapes: target and prediction of the same shape (any rank >= 1 for 'seed', any rank otherwise), float32.
 * Out: scalar; with reduction 'none' the per-element squares ('elementMean') or the per-sample
 * halves 1/2 sum_k (t_k - y_k)^2 ([N], 'seed').
 * Defaults: form 'elementMean', reduction 'mean'.
 *
 * In plain words: the strict maths teacher who squares every mistake, so a big miss costs far more
 * than a small one (and, after a sigmoid, stops teaching when the answer is near 0 or 1).
 *
 * @example
 * meanSquaredError(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.5, 0.5]]));                   // 0.25
 * meanSquaredError(tf.tensor2d([[0, 1]]), tf.tensor2d([[0.5, 0.5]]), { form: 'seed' }); // 0.25
 */
export function meanSquaredError(
  target: tf.Tensor,
  prediction: tf.Tensor,
  options?: ScalarReduction<MeanSquaredErrorOptions>,
): tf.Scalar;
export function meanSquaredError(target: tf.Tensor, prediction: tf.Tensor, options: MeanSquaredErrorOptions): tf.Tensor;
export function meanSquaredError(
  target: tf.Tensor,
  prediction: tf.Tensor,
  options: MeanSquaredErrorOptions = {},
): tf.Tensor {
  const name = 'meanSquaredError';
  assertKnownOptions(name, 'options', options, optionNames);
  assertSameShape(name, 'target', target, 'prediction', prediction);
  assertDtype(name, 'prediction', prediction, 'float32');
  const { form = 'elementMean' } = options;
  assertOneOf(name, 'form', form, ['elementMean', 'seed'] as const);
  const reduction = checkReduction(name, options.reduction);
  if (form === 'seed' && prediction.rank === 0) {
    throw new ShapeError(
      name,
      `expected prediction of rank >= 1 for form 'seed' (axis 0 indexes samples), got rank 0 (shape [])`,
    );
  }
  return tf.tidy(() => {
    const squares = tf.squaredDifference(tf.cast(target, 'float32'), prediction);
    if (form === 'elementMean') return reduceLosses(squares, reduction);
    const perSample =
      prediction.rank === 1
        ? tf.mul(squares, 0.5)
        : tf.mul(tf.sum(tf.reshape(squares, [prediction.shape[0] as number, -1]), 1), 0.5);
    return reduceLosses(perSample, reduction);
  });
}
