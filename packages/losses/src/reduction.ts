import * as tf from '@tensorflow/tfjs-core';
import { assertOneOf } from '@baihua/core';

/**
 * How per-sample (or per-element) losses become the returned value:
 * 'mean' (default) averages, 'sum' adds, 'none' returns them unreduced.
 */
export type Reduction = 'mean' | 'sum' | 'none';

/** The reductions every loss accepts, for option checks. */
export const reductions: readonly Reduction[] = ['mean', 'sum', 'none'];

/** Throws unless `reduction` is 'mean', 'sum' or 'none'; returns it (default 'mean'). */
export function checkReduction(functionName: string, reduction: unknown = 'mean'): Reduction {
  assertOneOf(functionName, 'reduction', reduction, reductions);
  return reduction;
}

/**
 * Applies a reduction to unreduced losses. 'mean' divides the sum by `denominator` when given
 * (PyTorch's weighted mean divides by the sum of the weights), else by the number of elements.
 * Internal helper: call it inside a tf.tidy.
 */
export function reduceLosses(losses: tf.Tensor, reduction: Reduction, denominator?: tf.Tensor): tf.Tensor {
  if (reduction === 'none') return losses;
  if (reduction === 'sum') return tf.sum(losses);
  return denominator === undefined ? tf.mean(losses) : tf.div(tf.sum(losses), denominator);
}

/** Options whose reduction is 'mean' or 'sum' (or left out): the loss returns a scalar. */
export type ScalarReduction<Options extends { reduction?: Reduction }> = Options & { reduction?: 'mean' | 'sum' };
