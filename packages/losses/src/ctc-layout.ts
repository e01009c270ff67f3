import { ArgumentError, describeShape } from '@baihua/core';

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
