import { ArgumentError, assertKnownOptions, assertPositiveInteger } from '@baihua/core';
import { type FineTuneOptions, fineTuneForecaster, fineTuneOptionKeys } from './fine-tune-forecaster.js';
import type { ForecastFunction } from './rolling-origin.js';
import { assertSeries } from './series-checks.js';
import { SeriesForecaster } from './series-forecaster.js';

/** Options of {@link refittingForecast}: how often, and the fine-tuning's own. */
export interface RefittingOptions extends FineTuneOptions {
  /** Fine-tune once a history is at least this many values longer than the last one tuned on. Required, >= 1. */
  every: number;
}

/**
 * A {@link ForecastFunction} that keeps learning through a rolling-origin evaluation: the histories
 * (expanding prefixes of one series, as {@link rollingOriginEvaluation} passes them) are taken in
 * order of length; the shortest is forecast by the model as trained; after that, whenever a history
 * is at least `every` values longer than the last one the model learnt from, the forecaster is
 * fine-tuned on that whole history ({@link fineTuneForecaster}) before it forecasts it. Each
 * forecast therefore comes from a model that saw only values before its origin. The forecaster is
 * changed in place; the forecasts return in the order of `histories`.
 *
 * @example
 * const forecaster = await trainForecaster(series.slice(0, testStart), { inputLength: 12, horizon: 3 });
 * const refitting = refittingForecast(forecaster, { every: 10, epochs: 10 });
 * const result = await rollingOriginEvaluation(series, refitting, { testStart, horizon: 3, season: 1 });
 *
 * In plain words: every ten years, go back to school on everything seen so far, then carry on forecasting.
 */
export function refittingForecast(forecaster: SeriesForecaster, options: RefittingOptions): ForecastFunction {
  assertKnownOptions('refittingForecast', 'options', options, ['every', ...fineTuneOptionKeys]);
  if (!(forecaster instanceof SeriesForecaster))
    throw new ArgumentError(
      'refittingForecast',
      `expected forecaster to be a SeriesForecaster, got ${forecaster === null ? 'null' : typeof forecaster}`,
    );
  if (options === undefined) throw new ArgumentError('refittingForecast', 'expected options { every }');
  const { every, ...tuning } = options;
  assertPositiveInteger('refittingForecast', 'options.every', every);
  let learntUpTo: number | undefined;
  return async (histories) => {
    if (!Array.isArray(histories))
      throw new ArgumentError('refittingForecast', 'expected histories to be an array of series');
    histories.forEach((history, k) => {
      assertSeries('refittingForecast', `histories[${k}]`, history, forecaster.inputLength);
    });
    const order = histories.map((_, k) => k).sort((a, b) => histories[a]!.length - histories[b]!.length);
    const forecasts: number[][] = new Array(histories.length);
    for (const k of order) {
      const history = histories[k] as readonly number[];
      learntUpTo ??= history.length;
      if (history.length >= learntUpTo + every) {
        await fineTuneForecaster(forecaster, history, tuning);
        learntUpTo = history.length;
      }
      forecasts[k] = (await forecaster.forecast([history]))[0] as number[];
    }
    return forecasts;
  };
}
