import { ArgumentError, assertKnownOptions } from '@baihua/core';
import {
  type RecurrentForecasterOptions,
  createRecurrentForecaster,
  recurrentForecasterOptionKeys,
} from './recurrent-forecaster.js';
import { assertSeries, assertWindowSizes } from './series-checks.js';
import { type BoxCoxOptions, fitBoxCox } from './box-cox-transform.js';
import { checkSpanFitOptions, fitOnSpan } from './fit-on-span.js';
import { SeriesForecaster } from './series-forecaster.js';
import { type ScalerKind, fitScaler } from './series-scaler.js';

/** Options of {@link trainForecaster}: the model's and the training's. */
export interface TrainForecasterOptions extends RecurrentForecasterOptions {
  /**
   * A Box-Cox transform before the scaler, fitted on the training span ({@link fitBoxCox}: `{}` picks
   * lambda by maximum likelihood; `{ shift: 1 }` for counts that reach 0). Default none.
   */
  boxCox?: BoxCoxOptions;
  /** Scaler fitted on the (transformed) training span. Default 'standard'. */
  scaler?: ScalerKind;
  /** Measure inputs and outputs from each window's last value (for trending series). Default false. */
  relativeToLast?: boolean;
  /** Default 60. */
  epochs?: number;
  /** Default 32. */
  batchSize?: number;
  /** Adam's learning rate. Default 0.005. */
  learningRate?: number;
}

const trainOptionKeys = [
  ...recurrentForecasterOptionKeys,
  'boxCox',
  'scaler',
  'relativeToLast',
  'epochs',
  'batchSize',
  'learningRate',
];

/**
 * Trains a {@link createRecurrentForecaster} model on one span of a series: fits the Box-Cox
 * transform (when `boxCox` is given) and the scaler on `trainingSpan` only, cuts every window of it
 * ({@link slidingWindows}, stride 1), encodes them as
 * {@link SeriesForecaster} describes, and fits mean squared error on the scaled targets with Adam
 * (seeded shuffling, `seed`). The span needs at least inputLength + horizon values.
 *
 * @example
 * const train = series.slice(0, testStart);
 * const forecaster = await trainForecaster(train, { inputLength: 24, horizon: 12, relativeToLast: true });
 *
 * In plain words: show the network every stretch of the past followed by what came next, many times over.
 */
export async function trainForecaster(
  trainingSpan: readonly number[],
  options: TrainForecasterOptions,
): Promise<SeriesForecaster> {
  assertKnownOptions('trainForecaster', 'options', options, trainOptionKeys);
  if (options === undefined) throw new ArgumentError('trainForecaster', 'expected options { inputLength, horizon }');
  assertWindowSizes('trainForecaster', options);
  const { inputLength, horizon } = options;
  const loop = checkSpanFitOptions('trainForecaster', options, { epochs: 60, learningRate: 0.005 });
  assertSeries('trainForecaster', 'trainingSpan', trainingSpan);
  if (trainingSpan.length < inputLength + horizon)
    throw new ArgumentError(
      'trainForecaster',
      `expected trainingSpan of at least inputLength + horizon = ${inputLength + horizon} values, ` +
        `got ${trainingSpan.length}`,
    );
  const transform = options.boxCox === undefined ? undefined : fitBoxCox(trainingSpan, options.boxCox);
  const scaler = fitScaler(transform ? transform.forward(trainingSpan) : trainingSpan, {
    kind: options.scaler ?? 'standard',
  });
  const { boxCox: _t, scaler: _s, relativeToLast = false, ...rest } = options;
  const { epochs: _e, batchSize: _b, learningRate: _l, ...modelOptions } = rest;
  const model = createRecurrentForecaster(modelOptions);
  const forecaster = new SeriesForecaster({ model, scaler, transform, inputLength, horizon, relativeToLast });
  try {
    await fitOnSpan('trainForecaster', forecaster, trainingSpan, loop);
  } catch (error) {
    model.dispose();
    throw error;
  }
  return forecaster;
}
