import { Adam, ArgumentError, assertKnownOptions, assertPositive, assertPositiveInteger, fit } from '@baihua/core';
import { meanSquaredError } from '@baihua/losses';
import * as tf from '@tensorflow/tfjs-core';
import {
  type RecurrentForecasterOptions,
  createRecurrentForecaster,
  recurrentForecasterOptionKeys,
} from './recurrent-forecaster.js';
import { assertSeries, assertWindowSizes } from './series-checks.js';
import { SeriesForecaster } from './series-forecaster.js';
import { type ScalerKind, fitScaler } from './series-scaler.js';
import { slidingWindows } from './sliding-windows.js';

/** Options of {@link trainForecaster}: the model's and the training's. */
export interface TrainForecasterOptions extends RecurrentForecasterOptions {
  /** Scaler fitted on the training span. Default 'standard'. */
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
  'scaler',
  'relativeToLast',
  'epochs',
  'batchSize',
  'learningRate',
];

/**
 * Trains a {@link createRecurrentForecaster} model on one span of a series: fits the scaler on
 * `trainingSpan` only, cuts every window of it ({@link slidingWindows}, stride 1), encodes them as
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
  const { inputLength, horizon, epochs = 60, batchSize = 32, learningRate = 0.005, seed = 0 } = options;
  assertPositiveInteger('trainForecaster', 'options.epochs', epochs);
  assertPositiveInteger('trainForecaster', 'options.batchSize', batchSize);
  assertPositive('trainForecaster', 'options.learningRate', learningRate);
  assertSeries('trainForecaster', 'trainingSpan', trainingSpan);
  if (trainingSpan.length < inputLength + horizon)
    throw new ArgumentError(
      'trainForecaster',
      `expected trainingSpan of at least inputLength + horizon = ${inputLength + horizon} values, ` +
        `got ${trainingSpan.length}`,
    );
  const scaler = fitScaler(trainingSpan, { kind: options.scaler ?? 'standard' });
  const { scaler: _s, relativeToLast = false, epochs: _e, batchSize: _b, learningRate: _l, ...modelOptions } = options;
  const model = createRecurrentForecaster(modelOptions);
  const forecaster = new SeriesForecaster({ model, scaler, inputLength, horizon, relativeToLast });
  const windows = slidingWindows(trainingSpan, { inputLength, horizon });
  const { rows, offsets } = forecaster.encodeWindows(windows.inputs);
  const targets = windows.targets.map((t, k) => scaler.transform(t).map((v) => v - (offsets[k] as number)));
  const x = tf.tensor3d(rows.map((row) => row.map((v) => [v])));
  const y = tf.tensor2d(targets);
  const optimizer = new Adam({ learningRate });
  try {
    await fit(model, { x, y }, { loss: meanSquaredError, optimizer, epochs, batchSize, seed, progress: 'none' });
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    tf.dispose([x, y]);
    optimizer.dispose();
  }
  return forecaster;
}
