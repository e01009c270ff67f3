import * as tf from '@tensorflow/tfjs-core';
import { assertInRange, assertNonNegative, assertPositive, assertPositiveInteger } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import { Adam } from '../optimizers/adam.js';
import { Optimizer } from '../optimizers/optimizer.js';
import { createRandom, type SeededRandom } from '../random/seeded-random.js';
import type { LossFunction } from '../registry/loss-contract.js';
import type { EpochLogs, TrainingCallbacks, TrainingControl } from './callbacks.js';
import { checkLabelledData, evaluate, type LabelledData } from './evaluate.js';
import { History } from './history.js';
import type { LearningRateSchedule } from './learning-rate-schedules.js';
import { createProgressReporter, type ProgressMode } from './progress-reporter.js';
import { readClasses, splitValidation } from './fit-data.js';
import { trainStep } from './train-step.js';

/** Options of {@link fit}. */
export interface FitOptions {
  /** `(labels, predictions) => Scalar`, a mean over the batch. Required. */
  loss: LossFunction;
  /** Default `new Adam()` (lr 1e-3), created for this call and disposed at its end. A given optimiser keeps its state. */
  optimizer?: Optimizer;
  /** Default 1. */
  epochs?: number;
  /** Default 32. The last batch of an epoch may be smaller. */
  batchSize?: number;
  /** Reshuffle the training rows every epoch. Default true. */
  shuffle?: boolean;
  /** Seed of shuffling and of `augment`'s generator. Default 0. */
  seed?: number;
  /** Hold out this fraction of the rows, taken from the end before shuffling (as Keras does). */
  validationSplit?: number;
  /** Validation data (instead of validationSplit). */
  validationData?: LabelledData;
  /** Report accuracy (argmax). Default true. */
  accuracy?: boolean;
  callbacks?: TrainingCallbacks | TrainingCallbacks[];
  /** Sets the optimiser's learning rate before every step (stepDecay, cosineDecay, ...). */
  learningRate?: LearningRateSchedule;
  /** L2 decay lambda on kernels: g <- g + lambda W. Default 0. */
  weightDecay?: number;
  /** Clip each gradient element into [-clipValue, clipValue]. */
  clipValue?: number;
  /** Rescale all gradients when their global norm exceeds clipNorm. */
  clipNorm?: number;
  /** Loss weight per class index, as an array or `{ [class]: weight }`; missing classes weigh 1. */
  classWeights?: readonly number[] | Record<number, number>;
  /** Transforms each training batch (data augmentation), e.g. random shifts; must return a new tensor. */
  augment?: (x: tf.Tensor, random: SeededRandom) => tf.Tensor;
  /** Default 'auto': a progress bar on a terminal, one line per epoch otherwise. */
  progress?: ProgressMode;
  /** Where progress text goes. Default process.stdout. */
  write?: (text: string) => void;
}

/**
 * Trains `model` on `data` ({ x: [N, ...], y: [N, K] or [N] }) with mini-batch gradient descent:
 * per step, loss on a batch, gradients of the trainable weights (frozen layers skipped), L2 decay,
 * clipping, optimiser update. Per epoch: mean loss and accuracy, validation figures, callbacks,
 * progress. Reads the device once per epoch (once per batch when a batch callback or progress
 * bar needs the loss). Leaves no tensor behind beyond the weights it built and a given optimiser's state.
 *
 * @example
 * const history = await fit(model, { x, y }, {
 *   loss: (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits),
 *   optimizer: new Adam({ learningRate: 1e-3 }), epochs: 10, batchSize: 64,
 *   validationSplit: 0.1, learningRate: cosineDecay(), callbacks: earlyStopping({ patience: 3 }),
 * });
 *
 * In plain words: show the model the examples again and again, nudging its knobs after every handful.
 */
export async function fit(model: Layer, data: LabelledData, options: FitOptions): Promise<History> {
  const settings = checkFitOptions(model, data, options);
  const { epochs, batchSize, shuffle, seed, accuracy } = settings;
  const ownOptimizer = options.optimizer === undefined;
  const optimizer = options.optimizer ?? new Adam();
  const { train, validation, release } = splitValidation(data, options.validationSplit, options.validationData);
  const history = new History();
  const callbacks =
    options.callbacks === undefined ? [] : Array.isArray(options.callbacks) ? options.callbacks : [options.callbacks];
  const reporter = createProgressReporter(options.progress ?? 'auto', options.write);
  let stop = false;
  const control: TrainingControl = {
    model,
    stopTraining: () => {
      stop = true;
    },
  };
  const random = createRandom(seed);
  // Per-epoch sums on the device; freed in `finally` too, should a step throw.
  let lossSum: tf.Tensor | undefined;
  let correctSum: tf.Tensor | undefined;
  try {
    const n = train.x.shape[0] as number;
    const classes = options.classWeights === undefined ? undefined : await readClasses(train.y);
    const classWeights =
      options.classWeights === undefined
        ? undefined
        : new Map(Object.entries(options.classWeights).map(([k, v]) => [Number(k), v as number]));
    model.ensureBuilt([Math.min(batchSize, n), ...train.x.shape.slice(1)]);
    const weights = model.trainableWeights();
    if (weights.length === 0)
      throw new ArgumentError('fit', `model '${model.name}' has no trainable weights (are all its layers frozen?)`);
    const stepsPerEpoch = Math.ceil(n / batchSize);
    const initialLearningRate = optimizer.learningRate;
    const wantsBatchLoss = reporter.wantsBatchLoss || callbacks.some((c) => c.onBatchEnd);
    for (const c of callbacks) await c.onTrainBegin?.(control);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let epoch = 0; epoch < epochs && !stop; epoch++) {
      const started = performance.now();
      for (const c of callbacks) await c.onEpochBegin?.(epoch, control);
      if (shuffle) random.shuffle(order);
      lossSum = tf.scalar(0);
      correctSum = tf.scalar(0);
      for (let batch = 0; batch < stepsPerEpoch; batch++) {
        const rows = order.slice(batch * batchSize, (batch + 1) * batchSize);
        if (options.learningRate) {
          optimizer.learningRate = options.learningRate({
            epoch,
            step: epoch * stepsPerEpoch + batch,
            stepsPerEpoch,
            totalSteps: epochs * stepsPerEpoch,
            initialLearningRate,
          });
        }
        const index = tf.tensor1d(rows, 'int32');
        const gathered = tf.gather(train.x, index);
        const xb = options.augment ? options.augment(gathered, random) : gathered;
        const yb = tf.gather(train.y, index);
        const stepClasses =
          classes && classWeights
            ? { classes: rows.map((r) => classes[r] as number), weights: classWeights }
            : undefined;
        let result: ReturnType<typeof trainStep>;
        try {
          result = trainStep(model, weights, optimizer, options.loss, xb, yb, {
            ...settings,
            classWeighting: stepClasses,
          });
        } finally {
          tf.dispose([index, gathered, xb, yb]);
        }
        const batchLossTensor = result.loss;
        const previousLoss: tf.Tensor = lossSum;
        const nextLoss: tf.Tensor = tf.tidy(() => tf.add(previousLoss, tf.mul(batchLossTensor, rows.length)));
        tf.dispose([lossSum]);
        lossSum = nextLoss;
        if (result.correct) {
          const nextCorrect: tf.Tensor = tf.add(correctSum as tf.Tensor, result.correct);
          tf.dispose([correctSum, result.correct]);
          correctSum = nextCorrect;
        }
        const batchLoss = wantsBatchLoss ? ((await result.loss.data())[0] as number) : undefined;
        result.loss.dispose();
        reporter.batch(epoch, batch, stepsPerEpoch, batchLoss);
        for (const c of callbacks)
          await c.onBatchEnd?.(batch, { loss: batchLoss as number, size: rows.length }, control);
      }
      const [epochLoss, epochCorrect] = await Promise.all([lossSum.data(), correctSum.data()]);
      tf.dispose([lossSum, correctSum]);
      const logs: EpochLogs = { loss: (epochLoss[0] as number) / n };
      if (accuracy) logs.accuracy = (epochCorrect[0] as number) / n;
      if (validation) {
        const result = await evaluate(model, validation, {
          loss: options.loss,
          batchSize: Math.max(batchSize, 256),
          accuracy,
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
    tf.dispose([lossSum, correctSum].filter((t): t is tf.Tensor => t !== undefined && !t.isDisposed));
    release();
    if (ownOptimizer) optimizer.dispose();
  }
}

function checkFitOptions(model: Layer, data: LabelledData, options: FitOptions) {
  if (model === null || typeof model !== 'object' || typeof (model as Layer).apply !== 'function')
    throw new ArgumentError('fit', `expected model to be a Layer, got ${model === null ? 'null' : typeof model}`);
  checkLabelledData('fit', 'data', data);
  if (options === null || typeof options !== 'object')
    throw new ArgumentError('fit', 'expected an options object with at least { loss }');
  if (typeof options.loss !== 'function')
    throw new ArgumentError(
      'fit',
      `expected options.loss to be a function (labels, predictions) => Scalar, got ${typeof options.loss}`,
    );
  if (options.optimizer !== undefined && !(options.optimizer instanceof Optimizer))
    throw new ArgumentError('fit', 'expected options.optimizer to be an Optimizer (Sgd, Adam, RmsProp)');
  const { epochs = 1, batchSize = 32, shuffle = true, seed = 0, accuracy = true, weightDecay = 0 } = options;
  assertPositiveInteger('fit', 'epochs', epochs);
  assertPositiveInteger('fit', 'batchSize', batchSize);
  if (!Number.isInteger(seed)) throw new ArgumentError('fit', `expected seed to be an integer, got ${String(seed)}`);
  assertNonNegative('fit', 'weightDecay', weightDecay);
  if (options.clipValue !== undefined) assertPositive('fit', 'clipValue', options.clipValue);
  if (options.clipNorm !== undefined) assertPositive('fit', 'clipNorm', options.clipNorm);
  if (options.validationSplit !== undefined)
    assertInRange('fit', 'validationSplit', options.validationSplit, {
      min: 0,
      max: 1,
      minExclusive: true,
      maxExclusive: true,
    });
  if (options.validationSplit !== undefined && options.validationData !== undefined)
    throw new ArgumentError('fit', 'expected validationSplit or validationData, got both');
  if (options.validationData !== undefined) checkLabelledData('fit', 'validationData', options.validationData);
  if (options.classWeights !== undefined) {
    for (const [k, v] of Object.entries(options.classWeights)) {
      if (!/^\d+$/.test(k))
        throw new ArgumentError('fit', `expected classWeights keys to be class indices, got '${k}'`);
      assertNonNegative('fit', `classWeights[${k}]`, v);
    }
  }
  if (options.learningRate !== undefined && typeof options.learningRate !== 'function')
    throw new ArgumentError(
      'fit',
      'expected options.learningRate to be a schedule function (stepDecay, cosineDecay, ...)',
    );
  return {
    epochs,
    batchSize,
    shuffle,
    seed,
    accuracy,
    weightDecay,
    clipValue: options.clipValue,
    clipNorm: options.clipNorm,
  };
}
