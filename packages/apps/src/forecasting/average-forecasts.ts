import { ArgumentError } from '@baihua/core';
import type { ForecastFunction } from './rolling-origin.js';

/**
 * The mean of several forecasters (an ensemble, e.g. one model trained from each of a few seeds):
 * f(h)_k = (1 / M) sum_j f_j(h)_k for every history h and step k. The members are called one after
 * another with the same histories; each must return as many forecasts of equal length.
 *
 * @example
 * const members = [0, 1, 2].map((seed) => trainForecaster(train, { inputLength: 12, horizon: 3, seed }));
 * const ensemble = averageForecasts((await Promise.all(members)).map((m) => (h) => m.forecast(h)));
 *
 * In plain words: ask a few equally schooled forecasters and take the middle of their answers.
 */
export function averageForecasts(members: readonly ForecastFunction[]): ForecastFunction {
  if (!Array.isArray(members) || members.length === 0)
    throw new ArgumentError('averageForecasts', 'expected members to be a non-empty array of forecast functions');
  members.forEach((member, j) => {
    if (typeof member !== 'function')
      throw new ArgumentError('averageForecasts', `expected members[${j}] to be a function, got ${typeof member}`);
  });
  return async (histories) => {
    let sum: number[][] | undefined;
    for (const [j, member] of members.entries()) {
      const forecasts = await member(histories);
      const shapeOk =
        Array.isArray(forecasts) &&
        forecasts.length === histories.length &&
        forecasts.every((f, b) => Array.isArray(f) && f.length === (sum ? sum[b]?.length : forecasts[0]?.length));
      if (!shapeOk)
        throw new ArgumentError(
          'averageForecasts',
          `expected members[${j}] to return ${histories.length} forecasts of equal length, like members[0]`,
        );
      sum = sum
        ? sum.map((row, b) => row.map((v, k) => v + (forecasts[b]?.[k] as number)))
        : forecasts.map((f) => [...f]);
    }
    return (sum as number[][]).map((row) => row.map((v) => v / members.length));
  };
}
