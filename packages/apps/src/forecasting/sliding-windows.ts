import { ArgumentError, assertKnownOptions, assertPositiveInteger } from '@baihua/core';
import { assertSeries, assertWindowSizes } from './series-checks.js';

/** Options of {@link slidingWindows}. */
export interface SlidingWindowOptions {
  /** Past values each window shows the model. Required, >= 1. */
  inputLength: number;
  /** Future values each window asks for (1: one-step; > 1: direct multi-step). Required, >= 1. */
  horizon: number;
  /** Steps between consecutive window origins. Default 1. */
  stride?: number;
}

/** The windows {@link slidingWindows} cut: row k is one (inputs, targets) pair. */
export interface SeriesWindows {
  /** [count][inputLength]: series[o - inputLength .. o - 1]. */
  inputs: number[][];
  /** [count][horizon]: series[o .. o + horizon - 1]. */
  targets: number[][];
  /** The forecast origin o of each window: the index of its first target. */
  origins: number[];
}

/**
 * Cuts a series into supervised pairs: for every origin o = inputLength, inputLength + stride, ...
 * with o + horizon <= n, inputs = series[o - inputLength, o) and targets = series[o, o + horizon).
 * A series of n values gives floor((n - inputLength - horizon) / stride) + 1 windows.
 * Throws when the series is shorter than inputLength + horizon or holds a non-finite value.
 *
 * @example
 * slidingWindows([1, 2, 3, 4, 5], { inputLength: 2, horizon: 2 });
 * // inputs [[1, 2], [2, 3]], targets [[3, 4], [4, 5]], origins [2, 3]
 *
 * In plain words: slide a frame along the past and ask, each time, what came right after it.
 */
export function slidingWindows(series: readonly number[], options: SlidingWindowOptions): SeriesWindows {
  assertKnownOptions('slidingWindows', 'options', options, ['inputLength', 'horizon', 'stride']);
  if (options === undefined) throw new ArgumentError('slidingWindows', 'expected options { inputLength, horizon }');
  assertWindowSizes('slidingWindows', options);
  const { inputLength, horizon, stride = 1 } = options;
  assertPositiveInteger('slidingWindows', 'options.stride', stride);
  assertSeries('slidingWindows', 'series', series);
  if (series.length < inputLength + horizon)
    throw new ArgumentError(
      'slidingWindows',
      `expected series of at least inputLength + horizon = ${inputLength + horizon} values, got ${series.length}`,
    );
  const windows: SeriesWindows = { inputs: [], targets: [], origins: [] };
  for (let o = inputLength; o + horizon <= series.length; o += stride) {
    windows.inputs.push(Array.from(series.slice(o - inputLength, o)));
    windows.targets.push(Array.from(series.slice(o, o + horizon)));
    windows.origins.push(o);
  }
  return windows;
}
