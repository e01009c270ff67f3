import type * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '../checks/option-keys.js';
import { assertInRange, assertPositiveInteger } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { Optimizer } from '../optimizers/optimizer.js';
import type { SeededRandom } from '../random/seeded-random.js';
import { classifyData, type StreamSource, type TrainingData } from './batch-stream.js';
import type { TrainingCallbacks } from './callbacks.js';
import type { LabelledData } from './labelled-data.js';
import type { LearningRateSchedule } from './learning-rate-schedules.js';
import type { ProgressMode } from './progress-reporter.js';
import { checkStepOptions, stepOptionKeys, type TrainStepOptions } from './train-step.js';

/**
 * Options of `fit`: those of `trainStep` (loss, lossWeights, weightDecay, clipValue, clipNorm,
 * classWeights, metrics, stopOnNonFinite), an optional optimiser, and the loop's own.
 */
export interface FitOptions extends Omit<TrainStepOptions, 'optimizer'> {
  /** Default `new Adam()` (lr 1e-3), made for this call and disposed at its end. A given optimiser keeps its state. */
  optimizer?: Optimizer;
  /** Default 1. */
  epochs?: number;
  /** Tensors only (a stream's batches are its own). Default 32. The last batch of an epoch may be smaller. */
  batchSize?: number;
  /** Tensors only (shuffle a stream with Dataset.shuffle). Reshuffle the training rows every epoch. Default true. */
  shuffle?: boolean;
  /** Seed of shuffling and of `augment`'s generator. Default 0. */
  seed?: number;
  /** Tensors only. Hold out this fraction of the rows, taken from the end before shuffling (as Keras does). */
  validationSplit?: number;
  /** Validation data (instead of validationSplit): tensors or a stream of batches, evaluated after every epoch. */
  validationData?: TrainingData;
  /** Streams only: batches per validation; required for a one-shot iterator. Default: the whole pass. */
  validationSteps?: number;
  /**
   * Streams only: batches per epoch. Required for a one-shot iterator (whose epochs continue where the
   * previous stopped) and with a learningRate schedule; caps the epoch of a re-iterable stream.
   */
  stepsPerEpoch?: number;
  callbacks?: TrainingCallbacks | TrainingCallbacks[];
  /** Sets the optimiser's learning rate before every step (stepDecay, cosineDecay, ...); each value: finite, > 0. */
  learningRate?: LearningRateSchedule;
  /**
   * Transforms each training batch (data augmentation), e.g. random shifts; models with one input;
   * must return a new tensor.
   */
  augment?: (x: tf.Tensor, random: SeededRandom) => tf.Tensor;
  /** Default 'auto': a progress bar on a terminal, one line per epoch otherwise. */
  progress?: ProgressMode;
  /** Where progress text goes. Default process.stdout. */
  write?: (text: string) => void;
}

const fitOptionKeys = [
  ...stepOptionKeys.filter((key) => key !== 'optimizer'),
  'optimizer',
  'epochs',
  'batchSize',
  'shuffle',
  'seed',
  'validationSplit',
  'validationData',
  'validationSteps',
  'stepsPerEpoch',
  'callbacks',
  'learningRate',
  'augment',
  'progress',
  'write',
];

const tensorOnly = {
  batchSize: 'a stream brings its own batches (Dataset.batch)',
  shuffle: 'shuffle a stream with Dataset.shuffle',
  validationSplit: 'a stream cannot be split; pass validationData',
} as const;

/** Checks everything `fit` was given before anything runs; returns the settings with defaults. */
export function checkFitOptions(data: TrainingData, options: FitOptions) {
  assertKnownOptions('fit', 'options', options, fitOptionKeys);
  const input = classifyData('fit', 'data', data);
  if (options === null || typeof options !== 'object')
    throw new ArgumentError('fit', 'expected an options object with at least { loss }');
  const step = checkStepOptions('fit', options);
  if (options.optimizer !== undefined && !(options.optimizer instanceof Optimizer))
    throw new ArgumentError('fit', 'expected options.optimizer to be an Optimizer (Sgd, Adam, RmsProp)');
  const { epochs = 1, batchSize = 32, shuffle = true, seed = 0 } = options;
  assertPositiveInteger('fit', 'epochs', epochs);
  assertPositiveInteger('fit', 'batchSize', batchSize);
  if (!Number.isInteger(seed)) throw new ArgumentError('fit', `expected seed to be an integer, got ${String(seed)}`);
  const stream = 'stream' in input ? input.stream : undefined;
  checkStreamOptions(stream, options);
  if (options.validationSplit !== undefined)
    assertInRange('fit', 'validationSplit', options.validationSplit, {
      min: 0,
      max: 1,
      minExclusive: true,
      maxExclusive: true,
    });
  if (options.validationSplit !== undefined && options.validationData !== undefined)
    throw new ArgumentError('fit', 'expected validationSplit or validationData, got both');
  const validation =
    options.validationData === undefined ? undefined : classifyData('fit', 'validationData', options.validationData);
  checkValidationSteps(validation && 'stream' in validation ? validation.stream : undefined, options.validationSteps);
  if (options.learningRate !== undefined && typeof options.learningRate !== 'function')
    throw new ArgumentError(
      'fit',
      'expected options.learningRate to be a schedule function (stepDecay, cosineDecay, ...)',
    );
  if (options.augment !== undefined && typeof options.augment !== 'function')
    throw new ArgumentError('fit', `expected options.augment to be a function (x, random) => tensor`);
  const callbacks =
    options.callbacks === undefined ? [] : Array.isArray(options.callbacks) ? options.callbacks : [options.callbacks];
  const tensors: LabelledData | undefined = 'tensors' in input ? input.tensors : undefined;
  return { ...step, epochs, batchSize, shuffle, seed, callbacks, tensors, stream, validation };
}

function checkStreamOptions(stream: StreamSource | undefined, options: FitOptions): void {
  if (stream === undefined) {
    if (options.stepsPerEpoch !== undefined)
      throw new ArgumentError(
        'fit',
        'expected stepsPerEpoch only with streamed data (with tensors an epoch is ceil(rows / batchSize) batches)',
      );
    return;
  }
  for (const [key, why] of Object.entries(tensorOnly))
    if (options[key as keyof typeof tensorOnly] !== undefined)
      throw new ArgumentError('fit', `expected ${key} only with { x, y } tensors, got it with a stream (${why})`);
  if (options.stepsPerEpoch !== undefined) assertPositiveInteger('fit', 'stepsPerEpoch', options.stepsPerEpoch);
  else if (!stream.reiterable)
    throw new ArgumentError(
      'fit',
      'expected stepsPerEpoch with a one-shot iterator or generator object (epochs continue where the previous ' +
        'stopped); or pass a Dataset (fromGenerator(fn)), which each epoch iterates anew',
    );
  else if (options.learningRate !== undefined)
    throw new ArgumentError(
      'fit',
      'expected stepsPerEpoch with a learningRate schedule and a stream (schedules read stepsPerEpoch and totalSteps)',
    );
}

function checkValidationSteps(stream: StreamSource | undefined, steps: number | undefined): void {
  if (steps === undefined) {
    if (stream && !stream.reiterable)
      throw new ArgumentError('fit', 'expected validationSteps with a one-shot validationData iterator');
    return;
  }
  if (stream === undefined)
    throw new ArgumentError('fit', 'expected validationSteps only with streamed validationData');
  assertPositiveInteger('fit', 'validationSteps', steps);
}
