import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import type { LayerWeight } from '../layers/layer-weight.js';
import { Adam } from '../optimizers/adam.js';
import { createRandom } from '../random/seeded-random.js';
import type { TrainingData } from './batch-stream.js';
import type { EpochLogs, TrainingControl } from './callbacks.js';
import { EpochTotals } from './epoch-totals.js';
import { checkFitOptions, type FitOptions } from './fit-options.js';
import { prepareFitSources } from './fit-sources.js';
import { History } from './history.js';
import { modelSlots } from './labelled-data.js';
import { readLearningRate } from './learning-rate-schedules.js';
import { nonFiniteError } from './non-finite.js';
import { figuresFromSums, type MeasureLayout } from './output-measures.js';
import { createProgressReporter } from './progress-reporter.js';
import { computeStep, disposeStep, readStepFigures } from './step-computation.js';
import { stepObserver } from './step-tensors.js';
import { assertModel, outputLossesFor, trainableWeightsOf } from './train-step.js';

export type { FitOptions } from './fit-options.js';

/**
 * Trains `model` on `data` with mini-batch gradient descent; each batch is one `trainStep` (loss,
 * gradients of the trainable weights, L2 decay, clipping, class weights, optimiser update). Per
 * epoch: mean loss, accuracy (for a classification loss or `metrics: ['accuracy']`), validation
 * figures, callbacks, progress.
 *
 * data: `{ x: [N, ...], y: [N, K] or [N] }` tensors (batched by `batchSize`, reshuffled every
 * epoch), or a stream of `{ x, y }` batches: a Dataset (`fromTensors`, `fromGenerator`), an array,
 * any (async) iterable, each epoch iterating it anew (`stepsPerEpoch` caps an epoch), or a one-shot
 * iterator or generator object, whose epochs continue where the previous stopped (`stepsPerEpoch`
 * required). fit disposes every batch it takes from a stream after its step (from an array it
 * disposes nothing: the array is read again every epoch). For a model with several inputs or
 * outputs, x and y are arrays (the model's order) or records by name; `loss` may be a record by
 * output name and `lossWeights` weighs them: loss = sum_k w_k loss_k, logged as `loss`, each output's
 * as `loss.<output>` (and `valLoss.<output>`, `accuracy.<output>` with `metrics: ['accuracy']`).
 *
 * Checks before training: every option key; with tensors, class indices (once per dataset:
 * integers in [0, K), K the model's output width). While training, by default, a NaN or infinite
 * loss or gradient stops it with an error naming the epoch and batch (1-based), before that update
 * is applied (`stopOnNonFinite: false` trains on). That check reads the device once per batch;
 * without it fit reads once per epoch (plus once per batch for a progress bar or batch callback).
 * A callback's `onStep` sees each step's raw gradients, predictions and labels before the update
 * (trainStep has no callbacks: it calls no onStep); without one, fit keeps none of them.
 * Leaves no tensor behind, on success or error, beyond the weights it built and a given
 * optimiser's state.
 *
 * @example
 * const history = await fit(model, { x, y }, {
 *   loss: softmaxCrossEntropy, optimizer: new Adam({ learningRate: 1e-3 }), epochs: 10, batchSize: 64,
 *   validationSplit: 0.1, learningRate: cosineDecay(), callbacks: earlyStopping({ patience: 3 }),
 * });
 * await fit(model, fromGenerator(readShards).batch(64).prefetch(2), { loss, epochs: 3, validationData: test });
 *
 * In plain words: show the model the examples again and again, nudging its knobs after every handful.
 */
export async function fit(model: Layer, data: TrainingData, options: FitOptions): Promise<History> {
  const settings = checkFitOptions(data, options);
  const { epochs, callbacks, stopOnNonFinite } = settings;
  assertModel('fit', model);
  const slots = modelSlots(model);
  const plan = outputLossesFor('fit', model, options);
  if (options.augment && slots.inputs.list && (slots.inputs.names?.length ?? 2) > 1)
    throw new ArgumentError(
      'fit',
      'expected augment only for a model with one input (augment in a Dataset.map instead)',
    );
  const reporter = createProgressReporter({ mode: options.progress ?? 'auto', write: options.write });
  const random = createRandom(settings.seed);
  const { source, validate, release } = await prepareFitSources(model, settings, options, slots, plan, random);
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
  const totals = new EpochTotals();
  const observer = stepObserver(callbacks, control);
  let weights: LayerWeight[] | undefined;
  let layout: MeasureLayout | undefined;
  try {
    const initialLearningRate = optimizer.learningRate;
    const readEachBatch = stopOnNonFinite || reporter.wantsBatchLoss || callbacks.some((c) => c.onBatchEnd);
    for (const c of callbacks) await c.onTrainBegin?.(control);
    for (let epoch = 0; epoch < epochs && !stop; epoch++) {
      const started = performance.now();
      for (const c of callbacks) await c.onEpochBegin?.(epoch, control);
      reporter.epochBegin(epoch);
      source.beginEpoch(epoch);
      for (let batch = 0; ; batch++) {
        const stepsPerEpoch = source.batchesPerEpoch;
        const taken = await source.next();
        if (taken === undefined) break;
        const made: tf.Tensor[] = [];
        let batchLoss: number | undefined;
        try {
          if (options.learningRate) {
            const steps = stepsPerEpoch as number; // known: tensors, or a stream with stepsPerEpoch (checked)
            const step = epoch * steps + batch;
            const context = { epoch, step, stepsPerEpoch: steps, totalSteps: epochs * steps, initialLearningRate };
            optimizer.learningRate = readLearningRate('fit', options.learningRate, context);
          }
          weights ??= trainableWeightsOf(
            'fit',
            model,
            taken.xs.map((x) => x.shape),
          );
          const xs = options.augment ? [options.augment(taken.xs[0] as tf.Tensor, random)] : taken.xs;
          if (options.augment) made.push(...xs);
          const computed = computeStep(model, weights, xs, taken.ys, {
            plan,
            weightDecay: settings.weightDecay,
            clipValue: options.clipValue,
            clipNorm: options.clipNorm,
            metrics: options.metrics,
            classWeighting: taken.classes &&
              settings.classWeights && { fn: 'fit', classes: taken.classes, weights: settings.classWeights },
            sumGradients: stopOnNonFinite,
            keepRaw: observer !== undefined,
          });
          try {
            observer?.observe(computed, epoch, batch, taken.ys);
            layout ??= computed.layout;
            if (readEachBatch) {
              const figures = await readStepFigures(computed);
              const of = stepsPerEpoch === undefined ? '' : ` of ${stepsPerEpoch}`;
              const where = `at epoch ${epoch + 1}, batch ${batch + 1}${of} (1-based)`;
              const failure = stopOnNonFinite ? nonFiniteError('fit', where, figures) : undefined;
              if (failure) throw failure;
              totals.addRead(computed.layout, figures.values, taken.rows);
              batchLoss = figures.loss;
            } else {
              totals.addOnDevice(computed.layout, computed.measured, taken.rows);
            }
            optimizer.applyGradients(computed.updates);
          } finally {
            disposeStep(computed);
          }
        } finally {
          taken.release();
          tf.dispose(made);
        }
        reporter.batch({ epoch, batch, batches: stepsPerEpoch, loss: batchLoss, size: taken.rows });
        for (const c of callbacks)
          await c.onBatchEnd?.(batch, { loss: batchLoss as number, size: taken.rows }, control);
      }
      await source.endEpoch();
      const { sums, rows } = await totals.read();
      const logs: EpochLogs = figuresFromSums(layout as MeasureLayout, sums, rows);
      const validation = await validate();
      for (const [name, value] of Object.entries(validation ?? {}))
        if (value !== undefined) logs[`val${name.charAt(0).toUpperCase()}${name.slice(1)}`] = value;
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
    await source.close();
    release();
    if (ownOptimizer) optimizer.dispose();
  }
}
