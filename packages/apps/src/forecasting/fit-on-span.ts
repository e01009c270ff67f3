import { Adam, ArgumentError, assertPositive, assertPositiveInteger, fit } from '@baihua/core';
import { meanSquaredError } from '@baihua/losses';
import * as tf from '@tensorflow/tfjs-core';
import { assertSeries } from './series-checks.js';
import type { SeriesForecaster } from './series-forecaster.js';
import { slidingWindows } from './sliding-windows.js';

/** The training loop's options, shared by {@link trainForecaster} and {@link fineTuneForecaster}. */
export interface SpanFitOptions {
  /** Passes over the span's windows. */
  epochs?: number;
  /** Default 32. */
  batchSize?: number;
  /** Adam's learning rate. */
  learningRate?: number;
  /** Seed of the shuffling. Default 0. */
  seed?: number;
}

/** Checks the loop's options (naming `functionName`), filling the defaults given. */
export function checkSpanFitOptions(
  functionName: string,
  options: SpanFitOptions,
  defaults: { epochs: number; learningRate: number },
): Required<SpanFitOptions> {
  const { epochs = defaults.epochs, batchSize = 32, learningRate = defaults.learningRate, seed = 0 } = options;
  assertPositiveInteger(functionName, 'options.epochs', epochs);
  assertPositiveInteger(functionName, 'options.batchSize', batchSize);
  assertPositive(functionName, 'options.learningRate', learningRate);
  if (!Number.isInteger(seed))
    throw new ArgumentError(functionName, `expected options.seed to be an integer, got ${String(seed)}`);
  return { epochs, batchSize, learningRate, seed };
}

/**
 * Fits `forecaster.model` in place on every window of `span` (stride 1), encoded with the
 * forecaster's own transform, scaler and relativeToLast: mean squared error on the encoded targets,
 * Adam, seeded shuffling. Throws (naming `functionName`) when the span is shorter than inputLength +
 * horizon. Leaves the model's weights to the caller, also on failure.
 */
export async function fitOnSpan(
  functionName: string,
  forecaster: SeriesForecaster,
  span: readonly number[],
  options: Required<SpanFitOptions>,
): Promise<void> {
  const { inputLength, horizon, scaler, transform } = forecaster;
  assertSeries(functionName, 'span', span);
  if (span.length < inputLength + horizon)
    throw new ArgumentError(
      functionName,
      `expected a span of at least inputLength + horizon = ${inputLength + horizon} values, got ${span.length}`,
    );
  const windows = slidingWindows(span, { inputLength, horizon });
  const { rows, offsets } = forecaster.encodeWindows(windows.inputs);
  const encode = (t: number[]) => scaler.transform(transform ? transform.forward(t) : t);
  const targets = windows.targets.map((t, k) => encode(t).map((v) => v - (offsets[k] as number)));
  const x = tf.tensor3d(rows.map((row) => row.map((v) => [v])));
  const y = tf.tensor2d(targets);
  const optimizer = new Adam({ learningRate: options.learningRate });
  try {
    const { epochs, batchSize, seed } = options;
    await fit(
      forecaster.model,
      { x, y },
      { loss: meanSquaredError, optimizer, epochs, batchSize, seed, progress: 'none' },
    );
  } finally {
    tf.dispose([x, y]);
    optimizer.dispose();
  }
}
