import { ArgumentError, assertPositiveInteger } from '@baihua/core';

/**
 * Throws an ArgumentError naming `functionName` and `argument` unless `series` is an array (or typed
 * array) of at least `minLength` finite numbers; the first bad value is named by its index.
 *
 * @example
 * assertSeries('slidingWindows', 'series', [1, 2, NaN], 2);
 * // slidingWindows: expected series[2] to be a finite number, got NaN
 *
 * In plain words: a forecast is only as good as its numbers, so a gap or a NaN stops it at the door.
 */
export function assertSeries(
  functionName: string,
  argument: string,
  series: unknown,
  minLength = 1,
): asserts series is readonly number[] {
  if (!Array.isArray(series) && !(series instanceof Float32Array) && !(series instanceof Float64Array)) {
    const got = series === null ? 'null' : typeof series;
    throw new ArgumentError(functionName, `expected ${argument} to be an array of numbers, got ${got}`);
  }
  const values = series as ArrayLike<unknown>;
  if (values.length < minLength)
    throw new ArgumentError(functionName, `expected ${argument} of at least ${minLength} values, got ${values.length}`);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new ArgumentError(
        functionName,
        `expected ${argument}[${i}] to be a finite number, got ${String(value)} ` +
          '(fill or drop missing values first)',
      );
  }
}

/**
 * Throws unless `inputLength` and `horizon` are positive integers (names the option, e.g.
 * `options.horizon`).
 *
 * @example
 * assertWindowSizes('slidingWindows', { inputLength: 12, horizon: 0 });
 * // slidingWindows: expected options.horizon to be a positive integer, got 0
 *
 * In plain words: a window must look back at least one step and forecast at least one.
 */
export function assertWindowSizes(functionName: string, sizes: { inputLength: unknown; horizon: unknown }): void {
  assertPositiveInteger(functionName, 'options.inputLength', sizes.inputLength);
  assertPositiveInteger(functionName, 'options.horizon', sizes.horizon);
}
