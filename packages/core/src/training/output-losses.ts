import { assertFiniteNumber, assertNonNegative } from '../checks/value-checks.js';
import { describeValue, isPlainRecord } from '../data/tensor-structure.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { LossFunction } from '../registry/loss-contract.js';

/** One loss for every output, or a record `{ [outputName]: loss }` for a model with named outputs. */
export type LossSpec = LossFunction | Readonly<Record<string, LossFunction>>;

/** The loss and its weight for each output of a model, in the model's output order. */
export interface OutputLosses {
  losses: LossFunction[];
  weights: number[];
  /** The output names, when the model has several outputs (they name the per-output logs). */
  names: readonly string[] | undefined;
}

/** Checks `loss` (a function or a record of functions) and `lossWeights` (a record of numbers >= 0) on their own. */
export function checkLossOptions(fn: string, loss: unknown, lossWeights: unknown): void {
  if (isPlainRecord(loss)) {
    const entries = Object.entries(loss);
    if (entries.length === 0) throw new ArgumentError(fn, 'expected options.loss to name at least one output, got {}');
    for (const [name, f] of entries)
      if (typeof f !== 'function')
        throw new ArgumentError(
          fn,
          `expected options.loss.${name} to be a function (labels, predictions) => Scalar, got ${describeValue(f)}`,
        );
  } else if (typeof loss !== 'function') {
    throw new ArgumentError(
      fn,
      `expected options.loss to be a function (labels, predictions) => Scalar, got ${describeValue(loss)} ` +
        '(a model with several outputs also takes a record { [outputName]: loss })',
    );
  }
  if (lossWeights === undefined) return;
  if (!isPlainRecord(lossWeights))
    throw new ArgumentError(
      fn,
      `expected options.lossWeights to be a record { [outputName]: number }, got ${describeValue(lossWeights)}`,
    );
  for (const [name, weight] of Object.entries(lossWeights)) {
    assertFiniteNumber(fn, `lossWeights.${name}`, weight);
    assertNonNegative(fn, `lossWeights.${name}`, weight);
  }
}

/**
 * Each output's loss and weight: one loss function applies to every output; a record must name
 * exactly the model's outputs; lossWeights (default 1 each) may name only outputs. The total loss
 * is sum_k weight_k * loss_k. A plain layer (one unnamed output) takes one loss function.
 *
 * @example resolveOutputLosses('fit', { digit: crossEntropy, box: mse }, { box: 0.5 }, ['digit', 'box']);
 * In plain words: which yardstick measures which answer, and how much each counts.
 */
export function resolveOutputLosses(
  fn: string,
  loss: LossSpec,
  lossWeights: Readonly<Record<string, number>> | undefined,
  outputNames: readonly string[] | undefined,
): OutputLosses {
  const names = outputNames ?? [];
  const list = names.length > 0 ? names.join(', ') : 'none: a plain layer has one unnamed output';
  if (typeof loss !== 'function') {
    const keys = Object.keys(loss);
    const missing = names.filter((name) => !keys.includes(name));
    const unknown = keys.filter((key) => !names.includes(key));
    if (missing.length > 0 || unknown.length > 0)
      throw new ArgumentError(
        fn,
        `expected options.loss to have the keys of the model's outputs (${list}), got ` +
          [...missing.map((k) => `missing '${k}'`), ...unknown.map((k) => `unknown '${k}'`)].join(' and '),
      );
  }
  for (const key of Object.keys(lossWeights ?? {}))
    if (!names.includes(key))
      throw new ArgumentError(
        fn,
        `expected options.lossWeights keys among the model's outputs (${list}), got '${key}'`,
      );
  const count = Math.max(names.length, 1);
  const losses = Array.from({ length: count }, (_, k) =>
    typeof loss === 'function' ? loss : (loss[names[k] as string] as LossFunction),
  );
  const weights = Array.from({ length: count }, (_, k) => lossWeights?.[names[k] as string] ?? 1);
  return { losses, weights, names: count > 1 ? names : undefined };
}
