// One series through the whole pipeline: train on the span before the first test origin, forecast
// from every origin of the held-out span, score against the seasonal-naive forecaster.
import {
  type RollingOriginResult,
  type TrainForecasterOptions,
  rollingOriginEvaluation,
  seasonalNaiveForecast,
  trainForecaster,
} from '@baihua/apps/forecasting';
import type { SeriesSpec } from './series-data.js';

/** The scores of one (series, horizon) run. */
export interface SeriesScore {
  model: RollingOriginResult;
  naive: RollingOriginResult;
  trainSeconds: number;
}

/** Trains on series[0, n - testLength) and evaluates every origin of the last testLength values. */
export async function forecastSeries(
  spec: SeriesSpec,
  options: Omit<TrainForecasterOptions, 'horizon'> & { horizon: number },
): Promise<SeriesScore> {
  const testStart = spec.values.length - spec.testLength;
  const started = performance.now();
  const forecaster = await trainForecaster(spec.values.slice(0, testStart), options);
  const trainSeconds = (performance.now() - started) / 1000;
  try {
    const evaluation = { testStart, horizon: options.horizon, season: spec.season };
    const model = await rollingOriginEvaluation(spec.values, (h) => forecaster.forecast(h), evaluation);
    const naive = await rollingOriginEvaluation(
      spec.values,
      seasonalNaiveForecast(spec.season, options.horizon),
      evaluation,
    );
    return { model, naive, trainSeconds };
  } finally {
    forecaster.dispose();
  }
}
