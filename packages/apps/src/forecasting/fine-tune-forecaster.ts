import { ArgumentError, assertKnownOptions } from '@baihua/core';
import { type SpanFitOptions, checkSpanFitOptions, fitOnSpan } from './fit-on-span.js';
import { SeriesForecaster } from './series-forecaster.js';

/** Options of {@link fineTuneForecaster}. */
export interface FineTuneOptions extends SpanFitOptions {
  /** Default 10. */
  epochs?: number;
  /** Adam's learning rate (a fresh Adam). Default 0.002. */
  learningRate?: number;
}

/** The option keys of {@link FineTuneOptions}. */
export const fineTuneOptionKeys: readonly string[] = ['epochs', 'batchSize', 'learningRate', 'seed'];

/**
 * Trains an already trained forecaster further, in place, on every window of `span` (usually the
 * longer history now observed: the training span and what followed it). The transform and scaler stay
 * as fitted on the first training span, so the model keeps reading its inputs in the same units;
 * the loss is trainForecaster's (mean squared error on the encoded targets, a fresh Adam, seeded
 * shuffling). Returns the forecaster.
 *
 * @example
 * const forecaster = await trainForecaster(series.slice(0, testStart), { inputLength: 12, horizon: 3 });
 * // ten years later: learn from them too before forecasting on
 * await fineTuneForecaster(forecaster, series.slice(0, testStart + 10), { epochs: 10 });
 *
 * In plain words: keep studying as new years come in, starting from what was already learnt.
 */
export async function fineTuneForecaster(
  forecaster: SeriesForecaster,
  span: readonly number[],
  options: FineTuneOptions = {},
): Promise<SeriesForecaster> {
  assertKnownOptions('fineTuneForecaster', 'options', options, fineTuneOptionKeys);
  if (!(forecaster instanceof SeriesForecaster))
    throw new ArgumentError(
      'fineTuneForecaster',
      `expected forecaster to be a SeriesForecaster, got ${forecaster === null ? 'null' : typeof forecaster}`,
    );
  const loop = checkSpanFitOptions('fineTuneForecaster', options, { epochs: 10, learningRate: 0.002 });
  await fitOnSpan('fineTuneForecaster', forecaster, span, loop);
  return forecaster;
}
