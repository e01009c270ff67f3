import { ArgumentError, assertKnownOptions, assertPositiveInteger } from '@baihua/core';
import { meanAbsoluteScaledError, symmetricMape } from './forecast-accuracy.js';
import { assertSeries } from './series-checks.js';

/** Anything that forecasts: the next `horizon` values after each history. */
export type ForecastFunction = (histories: readonly (readonly number[])[]) => Promise<number[][]>;

/** Options of {@link rollingOriginEvaluation}. */
export interface RollingOriginOptions {
  /** Index of the first held-out value (the first forecast origin); the training span is series[0, testStart). */
  testStart: number;
  /** Values forecast from each origin. Required, >= 1. */
  horizon: number;
  /** Season m of MASE's naive scale (12 monthly, 1 annual). Required. */
  season: number;
  /** Steps between origins. Default 1 (every origin). */
  stride?: number;
  /** History each forecast sees. Default 'expanding' (series[0, o)); the only kind. */
  window?: 'expanding';
}

/** What {@link rollingOriginEvaluation} returns. */
export interface RollingOriginResult {
  /** Forecast origins o (the index of each forecast's first value). */
  origins: number[];
  /** [origins][horizon]: series[o .. o + horizon - 1]. */
  actual: number[][];
  /** [origins][horizon]: the forecast made at each origin. */
  forecasts: number[][];
  /** MASE of all origins and steps pooled, scaled by the training span's seasonal-naive error. */
  mase: number;
  /** sMAPE (0..200 %) of all origins and steps pooled. */
  smape: number;
}

/**
 * Rolling-origin evaluation with an expanding window (Tashman 2000): origins o = testStart,
 * testStart + stride, ... while o + horizon <= n; at each, `forecast` sees the observed history
 * series[0, o) (the actual values up to the origin, never its own earlier forecasts) and predicts
 * series[o, o + horizon). Nothing is refitted here: a model trained on series[0, testStart) (also the
 * span of MASE's in-sample naive scale) is used as it is, unless `forecast` itself learns from each
 * history ({@link refittingForecast}). All histories go to `forecast` in one call.
 *
 * @example
 * const forecaster = await trainForecaster(series.slice(0, testStart), { inputLength: 24, horizon: 12 });
 * const options = { testStart, horizon: 12, season: 12 };
 * const result = await rollingOriginEvaluation(series, (h) => forecaster.forecast(h), options);
 * console.log(result.mase, result.smape);
 *
 * In plain words: stand at many days in the held-out years, forecast from each what you could have
 * known then, and score it all.
 */
export async function rollingOriginEvaluation(
  series: readonly number[],
  forecast: ForecastFunction,
  options: RollingOriginOptions,
): Promise<RollingOriginResult> {
  const fn = 'rollingOriginEvaluation';
  assertKnownOptions(fn, 'options', options, ['testStart', 'horizon', 'season', 'stride', 'window']);
  if (options === undefined) throw new ArgumentError(fn, 'expected options { testStart, horizon, season }');
  const { testStart, horizon, season, stride = 1, window = 'expanding' } = options;
  assertPositiveInteger(fn, 'options.testStart', testStart);
  assertPositiveInteger(fn, 'options.horizon', horizon);
  assertPositiveInteger(fn, 'options.season', season);
  assertPositiveInteger(fn, 'options.stride', stride);
  if (window !== 'expanding') throw new ArgumentError(fn, `expected options.window 'expanding', got ${String(window)}`);
  if (typeof forecast !== 'function')
    throw new ArgumentError(fn, `expected forecast to be a function, got ${typeof forecast}`);
  assertSeries(fn, 'series', series);
  if (testStart + horizon > series.length)
    throw new ArgumentError(
      fn,
      `expected testStart + horizon <= series length ${series.length} (room for one forecast), ` +
        `got ${testStart} + ${horizon}`,
    );
  const origins: number[] = [];
  for (let o = testStart; o + horizon <= series.length; o += stride) origins.push(o);
  const forecasts = await forecast(origins.map((o) => series.slice(0, o)));
  if (!Array.isArray(forecasts) || forecasts.length !== origins.length || forecasts.some((f) => f?.length !== horizon))
    throw new ArgumentError(
      fn,
      `expected forecast to return ${origins.length} arrays of ${horizon} values (one per origin)`,
    );
  const actual = origins.map((o) => Array.from(series.slice(o, o + horizon)));
  const training = series.slice(0, testStart);
  const mase = meanAbsoluteScaledError(actual.flat(), forecasts.flat(), training, { season });
  const smape = symmetricMape(actual.flat(), forecasts.flat());
  return { origins, actual, forecasts, mase, smape };
}

/**
 * The seasonal-naive forecaster as a {@link ForecastFunction}: f_{o+k} = y_{o+k-m*ceil((k+1)/m)},
 * the last observed value of the same season (m = 1: the last value, repeated).
 *
 * @example
 * await seasonalNaiveForecast(1, 2)([[1, 2, 3]]); // [[3, 3]]
 *
 * In plain words: "it will be like last year", the bar a model has to clear.
 */
export function seasonalNaiveForecast(season: number, horizon: number): ForecastFunction {
  assertPositiveInteger('seasonalNaiveForecast', 'season', season);
  assertPositiveInteger('seasonalNaiveForecast', 'horizon', horizon);
  return async (histories) =>
    histories.map((history, k) => {
      assertSeries('seasonalNaiveForecast', `histories[${k}]`, history, season);
      const n = history.length;
      return Array.from({ length: horizon }, (_, j) => history[n - season + (j % season)] as number);
    });
}
