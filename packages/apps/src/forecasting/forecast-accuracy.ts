import { ArgumentError, assertKnownOptions, assertPositiveInteger } from '@baihua/core';
import { assertSeries } from './series-checks.js';

/**
 * The in-sample seasonal-naive scale of Hyndman & Koehler (2006):
 * q = 1 / (n - m) * sum_{t=m}^{n-1} |y_t - y_{t-m}|, the mean absolute error the forecast
 * "same as one season ago" makes on the training span (m = 1: the naive "same as last step").
 * Throws when the span has no more than m values or q is 0 (a span repeating exactly: MASE undefined).
 *
 * @example
 * seasonalNaiveScale([1, 3, 2, 5], 1); // (2 + 1 + 3) / 3 = 2
 *
 * In plain words: how wrong "it will be like last time" was on the data the model learnt from.
 */
export function seasonalNaiveScale(trainingSpan: readonly number[], season: number): number {
  assertPositiveInteger('seasonalNaiveScale', 'season', season);
  assertSeries('seasonalNaiveScale', 'trainingSpan', trainingSpan, season + 1);
  let sum = 0;
  for (let t = season; t < trainingSpan.length; t++)
    sum += Math.abs((trainingSpan[t] as number) - (trainingSpan[t - season] as number));
  const scale = sum / (trainingSpan.length - season);
  if (scale === 0)
    throw new ArgumentError(
      'seasonalNaiveScale',
      `expected a training span that changes over ${season} steps, got a scale of 0`,
    );
  return scale;
}

/** Options of {@link meanAbsoluteScaledError}. */
export interface MaseOptions {
  /** Season m of the naive scale: 12 monthly, 4 quarterly, 1 annual or non-seasonal. Required. */
  season: number;
}

function assertPairs(functionName: string, actual: readonly number[], forecast: readonly number[]): void {
  assertSeries(functionName, 'actual', actual);
  assertSeries(functionName, 'forecast', forecast);
  if (forecast.length !== actual.length)
    throw new ArgumentError(
      functionName,
      `expected forecast of ${actual.length} values (one per actual), got ${forecast.length}`,
    );
}

/**
 * Mean absolute scaled error (Hyndman & Koehler 2006): MASE = mean_j |y_j - f_j| / q with q the
 * in-sample seasonal-naive scale of {@link seasonalNaiveScale} on `trainingSpan`. Below 1: the
 * forecasts err less, on average, than the seasonal-naive forecast did in sample.
 * `actual` and `forecast` are flat lists of equal length (all origins and horizons pooled).
 *
 * @example
 * meanAbsoluteScaledError([4, 6], [5, 5], [1, 3, 2, 5], { season: 1 }); // mean(1, 1) / 2 = 0.5
 *
 * In plain words: the model's typical miss, in units of the lazy forecaster's typical miss.
 */
export function meanAbsoluteScaledError(
  actual: readonly number[],
  forecast: readonly number[],
  trainingSpan: readonly number[],
  options: MaseOptions,
): number {
  assertKnownOptions('meanAbsoluteScaledError', 'options', options, ['season']);
  if (options === undefined) throw new ArgumentError('meanAbsoluteScaledError', 'expected options { season }');
  assertPairs('meanAbsoluteScaledError', actual, forecast);
  const scale = seasonalNaiveScale(trainingSpan, options.season);
  let sum = 0;
  actual.forEach((y, j) => {
    sum += Math.abs(y - (forecast[j] as number));
  });
  return sum / actual.length / scale;
}

/**
 * Symmetric mean absolute percentage error, the 0..200 % variant (Makridakis 1993; M3, M4):
 * sMAPE = 100 % / N * sum_j 2 |y_j - f_j| / (|y_j| + |f_j|); a pair with y = f = 0 counts 0.
 *
 * @example
 * symmetricMape([100, 0], [110, 5]); // (2*10/210 + 2*5/5) / 2 * 100 = 104.76...
 *
 * In plain words: the miss as a share of the two values' average size, so over- and under-forecasts weigh alike.
 */
export function symmetricMape(actual: readonly number[], forecast: readonly number[]): number {
  assertPairs('symmetricMape', actual, forecast);
  let sum = 0;
  actual.forEach((y, j) => {
    const f = forecast[j] as number;
    const denominator = Math.abs(y) + Math.abs(f);
    sum += denominator === 0 ? 0 : (2 * Math.abs(y - f)) / denominator;
  });
  return (100 * sum) / actual.length;
}
