import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '../checks/option-keys.js';
import { assertPositiveInteger } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import { checkMetrics, type Metric } from './accuracy.js';
import { classifyData, closePass, readStreamBatch, type StreamSource, type TrainingData } from './batch-stream.js';
import { EpochTotals } from './epoch-totals.js';
import { arrangeLabelledData, type ArrangedData, type ModelSlots, modelSlots } from './labelled-data.js';
import { runModel } from './model-io.js';
import { checkLossOptions, type LossSpec, type OutputLosses, resolveOutputLosses } from './output-losses.js';
import {
  accuracyKinds,
  figuresFromSums,
  type MeasureLayout,
  measureLayout,
  measuredValues,
  outputLossTerms,
} from './output-measures.js';
import { outputWidths } from './step-computation.js';
import { assertModel } from './train-step.js';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** `(labels, predictions) => Scalar`, or a record by output name for a model with several outputs. Required. */
  loss: LossSpec;
  /** Weight of each output's loss, `{ [outputName]: weight }` (default 1 each). */
  lossWeights?: Readonly<Record<string, number>>;
  /** Tensors only: rows per forward pass. Default 256. */
  batchSize?: number;
  /** Streams only: evaluate at most this many batches (a one-shot iterator continues from there next time). */
  steps?: number;
  /** `['accuracy']` to report accuracy; default: only for a classification loss (see LossFunction). */
  metrics?: readonly Metric[];
}

/**
 * What {@link evaluate} measured: `loss` (the weighted total), `accuracy` (one-output models, when
 * measured), and for a model with several outputs `loss.<output>` and `accuracy.<output>`.
 */
export interface EvaluateResult {
  loss: number;
  accuracy?: number;
  [measure: string]: number | undefined;
}

/**
 * Mean loss (and accuracy, for a classification loss or with `metrics: ['accuracy']`) of the model
 * in inference mode over the data: `{ x, y }` tensors in batches (default 256), or a stream of
 * `{ x, y }` batches (a Dataset, an iterable; `steps` caps it). Loss per batch is weighted by its
 * rows; reads the device once. Several outputs: loss = sum_k w_k loss_k, plus `loss.<output>` for
 * each. Batches taken from a stream are disposed after use (except from an array). On error (a
 * throwing loss, a wrong input shape) nothing is left behind.
 * @example const { loss, accuracy } = await evaluate(model, test, { loss: softmaxCrossEntropy });
 * In plain words: the exam: how wrong, and how often right, on questions it has not trained on.
 */
export async function evaluate(model: Layer, data: TrainingData, options: EvaluateOptions): Promise<EvaluateResult> {
  const fn = 'evaluate';
  assertKnownOptions(fn, 'options', options, ['loss', 'lossWeights', 'batchSize', 'steps', 'metrics']);
  const input = classifyData(fn, 'data', data);
  if (options === undefined) throw new ArgumentError(fn, 'expected an options object with at least { loss }');
  const { batchSize = 256, metrics, steps } = options;
  checkLossOptions(fn, options.loss, options.lossWeights);
  assertPositiveInteger(fn, 'batchSize', batchSize);
  if (steps !== undefined) assertPositiveInteger(fn, 'steps', steps);
  checkMetrics(fn, metrics);
  assertModel(fn, model);
  const slots = modelSlots(model);
  const plan = resolveOutputLosses(fn, options.loss, options.lossWeights, slots.outputs.names);
  if ('tensors' in input) {
    if (options.steps !== undefined) throw new ArgumentError(fn, 'expected steps only with streamed data');
    return evaluateTensors(model, plan, metrics, arrangeLabelledData(fn, 'data', input.tensors, slots), batchSize);
  }
  if (options.batchSize !== undefined)
    throw new ArgumentError(
      fn,
      'expected batchSize only with { x, y } tensors, got it with a stream (its batches are its own)',
    );
  return evaluateStream(model, plan, metrics, input.stream, slots, steps);
}

/** Adds one batch's measures to `totals`; returns the layout (from the batch's outputs). */
function measureBatch(
  model: Layer,
  plan: OutputLosses,
  metrics: readonly Metric[] | undefined,
  xs: readonly tf.Tensor[],
  ys: readonly tf.Tensor[],
  rows: number,
  totals: EpochTotals,
): MeasureLayout {
  let layout: MeasureLayout | undefined;
  const measured = tf.tidy(() => {
    const outputs = runModel(model, xs, false);
    const kinds = accuracyKinds(plan, metrics, outputWidths(outputs));
    layout = measureLayout(plan, kinds);
    const { total, terms } = outputLossTerms(plan, ys, outputs, undefined);
    return measuredValues(total, terms, ys, outputs, kinds);
  });
  try {
    totals.addOnDevice(layout as MeasureLayout, measured, rows);
  } finally {
    measured.dispose();
  }
  return layout as MeasureLayout;
}

async function evaluateTensors(
  model: Layer,
  plan: OutputLosses,
  metrics: readonly Metric[] | undefined,
  data: ArrangedData,
  batchSize: number,
): Promise<EvaluateResult> {
  const totals = new EpochTotals();
  try {
    let layout: MeasureLayout | undefined;
    for (let start = 0; start < data.rows; start += batchSize) {
      const size = Math.min(batchSize, data.rows - start);
      const slices = tf.tidy(() => [...data.xs, ...data.ys].map((t) => tf.slice(t, start, size)));
      try {
        layout = measureBatch(
          model,
          plan,
          metrics,
          slices.slice(0, data.xs.length),
          slices.slice(data.xs.length),
          size,
          totals,
        );
      } finally {
        tf.dispose(slices);
      }
    }
    const { sums, rows } = await totals.read();
    return figuresFromSums(layout as MeasureLayout, sums, rows) as EvaluateResult;
  } finally {
    totals.dispose();
  }
}

async function evaluateStream(
  model: Layer,
  plan: OutputLosses,
  metrics: readonly Metric[] | undefined,
  stream: StreamSource,
  slots: ModelSlots,
  steps: number | undefined,
): Promise<EvaluateResult> {
  const totals = new EpochTotals();
  const iterator = stream.open();
  try {
    let layout: MeasureLayout | undefined;
    for (let index = 1; steps === undefined || index <= steps; index++) {
      const result = await iterator.next();
      if (result.done) break;
      const batch = readStreamBatch('evaluate', 'data', result.value, index, slots, stream.owned);
      try {
        layout = measureBatch(model, plan, metrics, batch.xs, batch.ys, batch.rows, totals);
      } finally {
        batch.release();
      }
    }
    if (layout === undefined)
      throw new ArgumentError('evaluate', 'expected data to yield at least one batch, got none');
    const { sums, rows } = await totals.read();
    return figuresFromSums(layout, sums, rows) as EvaluateResult;
  } finally {
    totals.dispose();
    await closePass(stream, iterator);
  }
}
