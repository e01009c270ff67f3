// One series through the whole pipeline: train on the span before the first test origin, forecast
// from every origin of the held-out span, score against the seasonal-naive forecaster.
import {
  type ForecastFunction,
  type RollingOriginResult,
  type SeriesForecaster,
  type TrainForecasterOptions,
  averageForecasts,
  refittingForecast,
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

/** How one series is forecast: the training options, and optionally an ensemble and refitting. */
export type SeriesSettings = Omit<TrainForecasterOptions, 'horizon' | 'seed'> & {
  horizon: number;
  /** Models trained from seeds 0 .. members - 1, forecasts averaged. Default 1. */
  members?: number;
  /** Fine-tune each model on the observed history every `every` origins (epochs, learning rate). */
  refit?: { every: number; epochs: number; learningRate: number };
};

/**
 * Trains on series[0, n - testLength) and evaluates every origin of the last testLength values.
 * trainSeconds: the initial training only (the fine-tuning happens during the evaluation).
 */
export async function forecastSeries(spec: SeriesSpec, settings: SeriesSettings): Promise<SeriesScore> {
  const { members: count = 1, refit, ...options } = settings;
  const testStart = spec.values.length - spec.testLength;
  const started = performance.now();
  const forecasters: SeriesForecaster[] = [];
  try {
    for (let seed = 0; seed < count; seed++)
      forecasters.push(await trainForecaster(spec.values.slice(0, testStart), { ...options, seed }));
    const trainSeconds = (performance.now() - started) / 1000;
    const members: ForecastFunction[] = forecasters.map((forecaster, seed) =>
      refit ? refittingForecast(forecaster, { ...refit, seed }) : (h) => forecaster.forecast(h),
    );
    const evaluation = { testStart, horizon: options.horizon, season: spec.season };
    const model = await rollingOriginEvaluation(spec.values, averageForecasts(members), evaluation);
    const naive = await rollingOriginEvaluation(
      spec.values,
      seasonalNaiveForecast(spec.season, options.horizon),
      evaluation,
    );
    return { model, naive, trainSeconds };
  } finally {
    for (const forecaster of forecasters) forecaster.dispose();
  }
}
