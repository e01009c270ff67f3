import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, assertDtype, assertRank, describeShape } from '@baihua/core';
import type { CtcLossOptions } from './ctc-inputs.js';

/** How a rank-3 CTC input reads: batch-major [N, T, C], or [T, N, C] with timeMajor (PyTorch, TensorFlow). */
export interface CtcLayout {
  batch: number;
  frames: number;
  classes: number;
  timeMajor: boolean;
}

/** Throws unless `value` is true or false (fromLogits, timeMajor: a string 'false' would read as true). */
export function assertBoolean(functionName: string, argument: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean')
    throw new ArgumentError(functionName, `expected ${argument} to be true or false, got ${JSON.stringify(value)}`);
}

/** Reads N, T and C off a [A, B, C] shape: [N, T, C] by default, [T, N, C] with timeMajor. */
export function readCtcLayout(shape: readonly number[], timeMajor: boolean): CtcLayout {
  const [first, second, classes] = shape as [number, number, number];
  return timeMajor
    ? { batch: second, frames: first, classes, timeMajor }
    : { batch: first, frames: second, classes, timeMajor };
}

/** 'logits [2,50,5] read as [N, T, C] with timeMajor: false', for error messages about N or T. */
export function describeLayout(argument: string, shape: readonly number[], timeMajor: boolean): string {
  const layout = timeMajor ? '[T, N, C]' : '[N, T, C]';
  return `${argument} ${describeShape(shape)} read as ${layout} with timeMajor: ${timeMajor}`;
}

/**
 * '; did you mean timeMajor: true?' when the other layout fits what the caller passed (as many
 * sequences as `lengths` and `rows` say, every length within its frames), else ''.
 */
export function layoutSuggestion(
  shape: readonly number[],
  timeMajor: boolean,
  lengths: unknown,
  rows: number | undefined,
): string {
  const other = readCtcLayout(shape, !timeMajor);
  if (shape[0] === shape[1] || !Array.isArray(lengths)) return '';
  const fits =
    lengths.length === other.batch &&
    (rows === undefined || rows === other.batch) &&
    lengths.every((length) => typeof length === 'number' && length <= other.frames);
  return fits ? `; did you mean timeMajor: ${!timeMajor}?` : '';
}

/** The batch size N, the layout for messages, and the timeMajor suggestion ('' when none fits). */
export interface BatchContext {
  batch: number;
  layout: string;
  hint: string;
}

/** Checks targets' row count (N) and type; returns each row's length. */
export function checkTargetRows(
  functionName: string,
  targets: CtcLossOptions['targets'],
  { batch, layout, hint }: BatchContext,
): number[] {
  if (Array.isArray(targets)) {
    const rows = targets as readonly (readonly number[])[];
    if (rows.length !== batch)
      throw new ShapeError(
        functionName,
        `expected targets with ${batch} rows (one per sequence, N of ${layout}), got ${rows.length}${hint}`,
      );
    return rows.map((row, n) => {
      if (!Array.isArray(row))
        throw new ArgumentError(
          functionName,
          `expected targets[${n}] to be an array of class indices, got ${typeof row}`,
        );
      return row.length;
    });
  }
  assertRank(functionName, 'targets', targets as tf.Tensor, 2);
  const tensor = targets as tf.Tensor;
  assertDtype(functionName, 'targets', tensor, 'int32');
  if (tensor.shape[0] !== batch)
    throw new ShapeError(
      functionName,
      `expected targets of shape [${batch},S] to match N of ${layout}, got ${describeShape(tensor.shape)}${hint}`,
    );
  return new Array<number>(batch).fill(tensor.shape[1] as number);
}

/** Checks a list of lengths: N entries, integers in [0, most]. */
export function checkLengthList(
  functionName: string,
  argument: string,
  lengths: unknown,
  { batch, layout, hint }: BatchContext,
  most: number,
): void {
  if (!Array.isArray(lengths))
    throw new ArgumentError(
      functionName,
      `expected ${argument} to be an array of ${batch} integers, got ${typeof lengths}`,
    );
  if (lengths.length !== batch)
    throw new ShapeError(
      functionName,
      `expected ${argument} of length ${batch} (one per sequence, N of ${layout}), got length ${lengths.length}${hint}`,
    );
  (lengths as unknown[]).forEach((length, n) => {
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
      throw new ArgumentError(functionName, `expected ${argument}[${n}] to be an integer >= 0, got ${String(length)}`);
    }
    if (length > most)
      throw new ArgumentError(
        functionName,
        `expected ${argument}[${n}] <= ${most} (the T = ${most} frames of ${layout}), got ${length}${hint}`,
      );
  });
}
