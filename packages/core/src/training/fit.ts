import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '../layers/layer.js';
import { Adam } from '../optimizers/adam.js';
import { createRandom } from '../random/seeded-random.js';
import { accuracyKindOf } from './accuracy.js';
import type { EpochLogs, TrainingControl } from './callbacks.js';
import { inspectLabels, probeOutputShape } from './dataset-labels.js';
import { EpochTotals } from './epoch-totals.js';
import { evaluate, type LabelledData } from './evaluate.js';
import { splitValidation } from './fit-data.js';
import { checkFitOptions, type FitOptions } from './fit-options.js';
import { History } from './history.js';
import { readLearningRate } from './learning-rate-schedules.js';
import { nonFiniteError } from './non-finite.js';
import { createProgressReporter } from './progress-reporter.js';
import { computeStep, disposeStep, readStepFigures } from './step-computation.js';
import { trainableWeightsOf } from './train-step.js';

export type { FitOptions } from './fit-options.js';

/**
 * Trains `model` on `data` ({ x: [N, ...], y: [N, K] or [N] }) with mini-batch gradient descent;
 * each batch is one `trainStep` (loss, gradients of the trainable weights, L2 decay, clipping,
 * class weights, optimiser update). Per epoch: mean loss, accuracy (for a classification loss or
 * `metrics: ['accuracy']`), validation figures, callbacks, progress.
 *
 * Checks before training: every option key, and class indices (once per dataset: integers in
 * [0, K), K the model's output width). While training, by default, a NaN or infinite loss or
 * gradient stops it with an error naming the epoch and batch (1-based), before that update is
 * applied (`stopOnNonFinite: false` trains on). That check reads the device once per batch; without
 * it fit reads once per epoch (plus once per batch for a progress bar or batch callback).
 * Leaves no tensor behind, on success or error, beyond the weights it built and a given
 * optimiser's state.
 *
 * @example
 * const history = await fit(model, { x, y }, {
 *   loss: softmaxCrossEntropy, optimizer: new Adam({ learningRate: 1e-3 }), epochs: 10, batchSize: 64,
 *   validationSplit: 0.1, learningRate: cosineDecay(), callbacks: earlyStopping({ patience: 3 }),
 * });
 *
 * In plain words: show the model the examples again and again, nudging its knobs after every handful.
 */
export async function fit(model: Layer, data: LabelledData, options: FitOptions): Promise<History> {
  const settings = checkFitOptions(data, options);
  const { epochs, batchSize, shuffle, seed, callbacks, stopOnNonFinite } = settings;
  const reporter = createProgressReporter({ mode: options.progress ?? 'auto', write: options.write });
  const { train, validation, release } = splitValidation(data, options.validationSplit, options.validationData);
  const ownOptimizer = options.optimizer === undefined;
  const optimizer = options.optimizer ?? new Adam();
  const history = new History();
  let stop = false;
  const control: TrainingControl = {
    model,
    stopTraining: () => {
      stop = true;
    },
  };
  const random = createRandom(seed);
  const totals = new EpochTotals();
  try {
    const n = train.x.shape[0] as number;
    const weights = trainableWeightsOf('fit', model, [Math.min(batchSize, n), ...train.x.shape.slice(1)]);
    const outputShape = probeOutputShape(model, train.x);
    const accuracyKind = accuracyKindOf(options.loss, options.metrics, outputShape.at(-1) ?? 1);
    const wantClasses = settings.classWeights !== undefined;
    // Row r of the training part is row r of data (validationSplit holds out the last rows).
    const classes = await inspectLabels('fit', 'data.y', data.y, outputShape, accuracyKind, wantClasses);
    const given = options.validationData;
    if (given) await inspectLabels('fit', 'validationData.y', given.y, outputShape, accuracyKind, false);
    const stepsPerEpoch = Math.ceil(n / batchSize);
    const initialLearningRate = optimizer.learningRate;
    const readEachBatch = stopOnNonFinite || reporter.wantsBatchLoss || callbacks.some((c) => c.onBatchEnd);
    for (const c of callbacks) await c.onTrainBegin?.(control);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let epoch = 0; epoch < epochs && !stop; epoch++) {
      const started = performance.now();
      for (const c of callbacks) await c.onEpochBegin?.(epoch, control);
      reporter.epochBegin(epoch);
      if (shuffle) random.shuffle(order);
      for (let batch = 0; batch < stepsPerEpoch; batch++) {
        const rows = order.slice(batch * batchSize, (batch + 1) * batchSize);
        const step = epoch * stepsPerEpoch + batch;
        if (options.learningRate) {
          const context = { epoch, step, stepsPerEpoch, totalSteps: epochs * stepsPerEpoch, initialLearningRate };
          optimizer.learningRate = readLearningRate('fit', options.learningRate, context);
        }
        const made: tf.Tensor[] = [];
        let batchLoss: number | undefined;
        try {
          const index = tf.tensor1d(rows, 'int32');
          made.push(index, tf.gather(train.x, index), tf.gather(train.y, index));
          const [, gathered, yb] = made as [tf.Tensor, tf.Tensor, tf.Tensor];
          const xb = options.augment ? options.augment(gathered, random) : gathered;
          made.push(xb);
          const computed = computeStep(model, weights, xb, yb, {
            loss: options.loss,
            weightDecay: settings.weightDecay,
            clipValue: options.clipValue,
            clipNorm: options.clipNorm,
            metrics: options.metrics,
            classWeighting: classes &&
              settings.classWeights && {
                classes: rows.map((r) => classes[r] as number),
                weights: settings.classWeights,
              },
            sumGradients: stopOnNonFinite,
          });
          try {
            if (readEachBatch) {
              const figures = await readStepFigures(computed);
              const where = `at epoch ${epoch + 1}, batch ${batch + 1} of ${stepsPerEpoch} (1-based)`;
              const failure = stopOnNonFinite ? nonFiniteError('fit', where, figures) : undefined;
              if (failure) throw failure;
              totals.addRead(figures.loss, figures.correct, rows.length);
              batchLoss = figures.loss;
            } else {
              totals.addOnDevice(computed, rows.length);
            }
            optimizer.applyGradients(computed.updates);
          } finally {
            disposeStep(computed);
          }
        } finally {
          tf.dispose(made);
        }
        reporter.batch({ epoch, batch, batches: stepsPerEpoch, loss: batchLoss, size: rows.length });
        for (const c of callbacks)
          await c.onBatchEnd?.(batch, { loss: batchLoss as number, size: rows.length }, control);
      }
      const sums = await totals.read();
      const logs: EpochLogs = { loss: sums.loss / n };
      if (accuracyKind) logs.accuracy = sums.correct / n;
      if (validation) {
        const batchSizeForValidation = Math.max(batchSize, 256);
        const result = await evaluate(model, validation, {
          loss: options.loss,
          batchSize: batchSizeForValidation,
          ...(options.metrics ? { metrics: options.metrics } : {}),
        });
        logs.valLoss = result.loss;
        if (result.accuracy !== undefined) logs.valAccuracy = result.accuracy;
      }
      logs.learningRate = optimizer.learningRate;
      logs.seconds = (performance.now() - started) / 1000;
      history.record(epoch, logs);
      reporter.epoch(epoch, epochs, logs);
      for (const c of callbacks) await c.onEpochEnd?.(epoch, logs, control);
    }
    for (const c of callbacks) await c.onTrainEnd?.(history, control);
    return history;
  } finally {
    totals.dispose();
    release();
    if (ownOptimizer) optimizer.dispose();
  }
}
