import * as tf from '@tensorflow/tfjs-core';
import type { AccuracyKind } from '../registry/loss-contract.js';
import { accuracyKindOf, countCorrect, type Metric } from './accuracy.js';
import { type ClassWeighting, weightedLoss } from './class-weighting.js';
import type { OutputLosses } from './output-losses.js';
import { sumTensors } from './sum-tensors.js';

/**
 * What a step or an evaluation measures, in order: `loss` (the weighted total); with several
 * outputs `loss.<output>` for each; then the accuracies: `accuracy` for a one-output model,
 * `accuracy.<output>` for each output that reports one. `counts[i]` is true for accuracies (a
 * count of correct rows per batch) and false for losses (a mean over the batch's rows).
 */
export interface MeasureLayout {
  names: string[];
  counts: boolean[];
}

/**
 * The accuracy each output reports, if any (`outputWidths`: each output's last axis). One output:
 * as `accuracyKindOf` (the loss's own kind, or as `metrics` asks). Several outputs: only when
 * `metrics` lists 'accuracy', and then for each output whose loss is a classification loss (it
 * declares `accuracyKind`).
 */
export function accuracyKinds(
  plan: OutputLosses,
  metrics: readonly Metric[] | undefined,
  outputWidths: readonly number[],
): (AccuracyKind | undefined)[] {
  if (plan.losses.length === 1)
    return [accuracyKindOf(plan.losses[0] as OutputLosses['losses'][0], metrics, outputWidths[0] ?? 1)];
  const asked = metrics?.includes('accuracy') ?? false;
  return plan.losses.map((loss) => (asked ? loss.accuracyKind : undefined));
}

/** The names and kinds of what is measured (see {@link MeasureLayout}). */
export function measureLayout(plan: OutputLosses, kinds: readonly (AccuracyKind | undefined)[]): MeasureLayout {
  const outputNames = plan.names;
  const names = ['loss'];
  const counts = [false];
  if (outputNames) for (const name of outputNames) [names.push(`loss.${name}`), counts.push(false)];
  kinds.forEach((kind, k) => {
    if (!kind) return;
    names.push(outputNames ? `accuracy.${outputNames[k]}` : 'accuracy');
    counts.push(true);
  });
  return { names, counts };
}

/**
 * Each output's loss on a batch (class weights apply to a one-output model); call inside tf.tidy.
 * The total is sum_k weight_k * term_k (the lone term itself for one output of weight 1).
 */
export function outputLossTerms(
  plan: OutputLosses,
  ys: readonly tf.Tensor[],
  outputs: readonly tf.Tensor[],
  weighting: ClassWeighting | undefined,
): { total: tf.Scalar; terms: tf.Scalar[] } {
  const terms = plan.losses.map((loss, k) =>
    weightedLoss(loss, ys[k] as tf.Tensor, outputs[k] as tf.Tensor, plan.losses.length === 1 ? weighting : undefined),
  );
  if (terms.length === 1 && plan.weights[0] === 1) return { total: terms[0] as tf.Scalar, terms };
  return { total: sumTensors(terms.map((term, k) => tf.mul(term, plan.weights[k] as number) as tf.Scalar)), terms };
}

/**
 * One batch's measures as a vector in layout order: [total, per-output losses (several outputs),
 * correct counts of the outputs that report accuracy]. Call inside tf.tidy.
 */
export function measuredValues(
  total: tf.Scalar,
  terms: readonly tf.Scalar[],
  ys: readonly tf.Tensor[],
  outputs: readonly tf.Tensor[],
  kinds: readonly (AccuracyKind | undefined)[],
): tf.Tensor1D {
  const correct = kinds.flatMap((kind, k) =>
    kind ? [countCorrect(ys[k] as tf.Tensor, outputs[k] as tf.Tensor, kind)] : [],
  );
  return tf.stack([total, ...(terms.length > 1 ? terms : []), ...correct]) as tf.Tensor1D;
}

/** Measures summed over rows (losses times rows, counts as they are) as per-row figures: each sum / rows. */
export function figuresFromSums(layout: MeasureLayout, sums: readonly number[], rows: number): Record<string, number> {
  return Object.fromEntries(layout.names.map((name, i) => [name, (sums[i] as number) / rows]));
}
