import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, assertDtype, assertOneOf, assertRank, describeShape } from '@baihua/core';
import { type Reduction, checkReduction } from './reduction.js';

/** What to do with a target that cannot fit its input length (too few frames for labels plus repeats). */
export type CtcInfeasible = 'throw' | 'infinity' | 'zero';

/** Arguments of {@link ctcLoss} (and of {@link validateCtcInputs}). */
export interface CtcLossOptions {
  /** Unnormalised scores or log-probabilities, batch-major [N, T, C] float32 (log-softmax is applied inside). */
  logits: tf.Tensor;
  /** Label sequences [N, S] int32, or number[][]; entries past each target length are ignored (any value). */
  targets: tf.Tensor | readonly (readonly number[])[];
  /** Frames used per sequence, each an integer in [0, T]. */
  inputLengths: readonly number[];
  /** Labels used per sequence, each an integer in [0, S]. */
  targetLengths: readonly number[];
  /** Index of the blank class. Default 0. */
  blank?: number;
  /** 'mean' (PyTorch: each loss divided by its target length, then averaged), 'sum', or 'none' ([N]). Default 'mean'. */
  reduction?: Reduction;
  /** Default 'throw' (checked synchronously for JS-array targets; tensor targets give Infinity, check them with validateCtcInputs). */
  onInfeasible?: CtcInfeasible;
}

/** The checked arguments, with defaults filled in. */
export interface CheckedCtcInputs {
  batch: number;
  frames: number;
  numClasses: number;
  /** Width S of the padded targets (at least 1). */
  width: number;
  blank: number;
  reduction: Reduction;
  onInfeasible: CtcInfeasible;
}

const name = 'ctcLoss';

/**
 * Checks every shape, dtype, option and length synchronously; for JS-array targets also the label
 * values and (with onInfeasible 'throw') that each target fits its input length.
 */
export function checkCtcInputs(options: CtcLossOptions, functionName = name): CheckedCtcInputs {
  if (typeof options !== 'object' || options === null)
    throw new ArgumentError(
      functionName,
      `expected an options object { logits, targets, inputLengths, targetLengths }, got ${String(options)}`,
    );
  const { logits, targets, inputLengths, targetLengths, blank = 0, onInfeasible = 'throw' } = options;
  assertRank(functionName, 'logits', logits, 3);
  assertDtype(functionName, 'logits', logits, 'float32');
  const [batch, frames, numClasses] = logits.shape as [number, number, number];
  const reduction = checkReduction(functionName, options.reduction);
  assertOneOf(functionName, 'onInfeasible', onInfeasible, ['throw', 'infinity', 'zero'] as const);
  if (!Number.isInteger(blank) || blank < 0 || blank >= numClasses) {
    throw new ArgumentError(
      functionName,
      `expected blank to be a class index in [0, ${numClasses - 1}], got ${String(blank)}`,
    );
  }
  checkLengthList(functionName, 'inputLengths', inputLengths, batch, frames, `the ${frames} frames of logits`);
  let rowLengths: number[];
  if (Array.isArray(targets)) {
    const rows = targets as readonly (readonly number[])[];
    if (rows.length !== batch)
      throw new ShapeError(functionName, `expected targets with ${batch} rows (one per sequence), got ${rows.length}`);
    rowLengths = rows.map((row, n) => {
      if (!Array.isArray(row))
        throw new ArgumentError(
          functionName,
          `expected targets[${n}] to be an array of class indices, got ${typeof row}`,
        );
      return row.length;
    });
  } else {
    assertRank(functionName, 'targets', targets as tf.Tensor, 2);
    const tensor = targets as tf.Tensor;
    assertDtype(functionName, 'targets', tensor, 'int32');
    if (tensor.shape[0] !== batch)
      throw new ShapeError(
        functionName,
        `expected targets of shape [${batch},S] to match logits ${describeShape(logits.shape)}, got ${describeShape(tensor.shape)}`,
      );
    rowLengths = new Array<number>(batch).fill(tensor.shape[1] as number);
  }
  checkLengthList(functionName, 'targetLengths', targetLengths, batch, Infinity, '');
  targetLengths.forEach((length, n) => {
    if (length > (rowLengths[n] as number)) {
      throw new ArgumentError(
        functionName,
        `expected targetLengths[${n}] <= ${rowLengths[n]} (the length of targets row ${n}), got ${length}`,
      );
    }
  });
  if (Array.isArray(targets))
    checkTargetValues(functionName, targets as readonly (readonly number[])[], {
      inputLengths,
      targetLengths,
      numClasses,
      blank,
      onInfeasible,
    });
  const width = Math.max(1, ...targetLengths);
  return { batch, frames, numClasses, width, blank, reduction, onInfeasible };
}

function checkLengthList(
  functionName: string,
  argument: string,
  lengths: unknown,
  batch: number,
  most: number,
  what: string,
): void {
  if (!Array.isArray(lengths))
    throw new ArgumentError(
      functionName,
      `expected ${argument} to be an array of ${batch} integers, got ${typeof lengths}`,
    );
  if (lengths.length !== batch)
    throw new ShapeError(
      functionName,
      `expected ${argument} of length ${batch} (one per sequence), got length ${lengths.length}`,
    );
  (lengths as unknown[]).forEach((length, n) => {
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
      throw new ArgumentError(functionName, `expected ${argument}[${n}] to be an integer >= 0, got ${String(length)}`);
    }
    if (length > most)
      throw new ArgumentError(functionName, `expected ${argument}[${n}] <= ${most} (${what}), got ${length}`);
  });
}

/** Label values in range and not blank; with 'throw', S_n + repeats_n <= T_n for every sequence. */
export function checkTargetValues(
  functionName: string,
  targets: readonly (readonly number[])[],
  context: {
    inputLengths: readonly number[];
    targetLengths: readonly number[];
    numClasses: number;
    blank: number;
    onInfeasible: CtcInfeasible;
  },
): void {
  const { inputLengths, targetLengths, numClasses, blank, onInfeasible } = context;
  targets.forEach((row, n) => {
    const length = targetLengths[n] as number;
    let repeats = 0;
    for (let i = 0; i < length; i++) {
      const label = row[i] as number;
      if (!Number.isInteger(label) || label < 0 || label >= numClasses || label === blank) {
        throw new ArgumentError(
          functionName,
          `expected targets[${n}][${i}] to be a class index in [0, ${numClasses - 1}] other than blank ${blank}, got ${label}`,
        );
      }
      if (i > 0 && label === row[i - 1]) repeats++;
    }
    const needed = length + repeats;
    if (onInfeasible === 'throw' && needed > (inputLengths[n] as number)) {
      throw new ArgumentError(
        functionName,
        `target ${n} needs at least ${needed} frames (${length} labels + ${repeats} repeats, each repeat needs a blank between), ` +
          `but inputLengths[${n}] is ${inputLengths[n]}; pass onInfeasible 'infinity' or 'zero' to allow it`,
      );
    }
  });
}
