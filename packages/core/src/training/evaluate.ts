import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '../checks/option-keys.js';
import { assertTensor, describeShape } from '../checks/tensor-checks.js';
import { assertPositiveInteger } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import type { Layer } from '../layers/layer.js';
import type { AccuracyKind, LossFunction } from '../registry/loss-contract.js';
import { accuracyKindOf, checkMetrics, countCorrect, type Metric } from './accuracy.js';

/** Inputs and labels: x [N, ...], y [N, K] one-hot (or targets) or [N] class indices. */
export interface LabelledData {
  x: tf.Tensor;
  y: tf.Tensor;
}

/** Checks that x and y are tensors with the same number of rows, for `fn`. */
export function checkLabelledData(fn: string, argument: string, data: LabelledData): number {
  if (data === null || typeof data !== 'object')
    throw new ArgumentError(fn, `expected ${argument} to be { x, y }, got ${data === null ? 'null' : typeof data}`);
  assertTensor(fn, `${argument}.x`, data.x);
  assertTensor(fn, `${argument}.y`, data.y);
  if (data.x.rank < 1 || data.y.rank < 1 || data.x.shape[0] !== data.y.shape[0]) {
    throw new ShapeError(
      fn,
      `expected ${argument}.x and ${argument}.y with the same number of rows, ` +
        `got ${describeShape(data.x.shape)} and ${describeShape(data.y.shape)}`,
    );
  }
  if (data.x.shape[0] === 0)
    throw new ShapeError(fn, `expected ${argument} with at least one row, got ${describeShape(data.x.shape)}`);
  return data.x.shape[0] as number;
}

/** Options of {@link predict}. */
export interface PredictOptions {
  /** Rows per forward pass. Default 256. */
  batchSize?: number;
}

/**
 * Runs the model in inference mode over x in batches and concatenates the outputs.
 * x: [N, ...] -> [N, ...output]. Default batchSize 256. On error nothing is left behind.
 * @example const probabilities = tf.softmax(predict(model, testImages));
 * In plain words: ask the trained model for its answers, a handful of questions at a time.
 */
export function predict(model: Layer, x: tf.Tensor, options: PredictOptions = {}): tf.Tensor {
  assertKnownOptions('predict', 'options', options, ['batchSize']);
  const { batchSize = 256 } = options;
  assertTensor('predict', 'x', x);
  assertPositiveInteger('predict', 'batchSize', batchSize);
  const n = x.shape[0] ?? 0;
  if (n <= batchSize) return model.apply(x, { training: false });
  return tf.tidy(() => {
    const outputs: tf.Tensor[] = [];
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start);
      outputs.push(model.apply(tf.slice(x, start, size), { training: false }));
    }
    return tf.concat(outputs, 0);
  });
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** `(labels, predictions) => Scalar`. Required. */
  loss: LossFunction;
  /** Rows per forward pass. Default 256. */
  batchSize?: number;
  /** `['accuracy']` to report accuracy; default: only for a classification loss (see LossFunction). */
  metrics?: readonly Metric[];
}

/**
 * Mean loss (and accuracy, for a classification loss or with `metrics: ['accuracy']`) of the model
 * in inference mode over the data, in batches (default 256); reads the device once. Loss per batch
 * is weighted by its size. On error (a throwing loss, a wrong input shape) nothing is left behind.
 * @example const { loss, accuracy } = await evaluate(model, test, { loss: softmaxCrossEntropy });
 * In plain words: the exam: how wrong, and how often right, on questions it has not trained on.
 */
export async function evaluate(
  model: Layer,
  data: LabelledData,
  options: EvaluateOptions,
): Promise<{ loss: number; accuracy?: number }> {
  assertKnownOptions('evaluate', 'options', options, ['loss', 'batchSize', 'metrics']);
  const n = checkLabelledData('evaluate', 'data', data);
  if (options === undefined) throw new ArgumentError('evaluate', 'expected an options object with at least { loss }');
  const { batchSize = 256, metrics } = options;
  if (typeof options.loss !== 'function')
    throw new ArgumentError('evaluate', `expected options.loss to be a function, got ${typeof options.loss}`);
  assertPositiveInteger('evaluate', 'batchSize', batchSize);
  checkMetrics('evaluate', metrics);
  let kind: AccuracyKind | undefined;
  const totals = tf.tidy(() => {
    let lossSum: tf.Tensor = tf.scalar(0);
    let correct: tf.Tensor = tf.scalar(0);
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start);
      const xb = tf.slice(data.x, start, size);
      const yb = tf.slice(data.y, start, size);
      const predictions = model.apply(xb, { training: false });
      if (start === 0) kind = accuracyKindOf(options.loss, metrics, predictions.shape.at(-1) ?? 1);
      lossSum = tf.add(lossSum, tf.mul(options.loss(yb, predictions), size));
      if (kind) correct = tf.add(correct, countCorrect(yb, predictions, kind));
    }
    return tf.stack([lossSum, correct]);
  });
  const [lossSum, correct] = await totals.data();
  totals.dispose();
  return kind
    ? { loss: (lossSum as number) / n, accuracy: (correct as number) / n }
    : { loss: (lossSum as number) / n };
}
