import type * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '../checks/option-keys.js';
import { assertInRange, assertPositiveInteger } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { Optimizer } from '../optimizers/optimizer.js';
import type { SeededRandom } from '../random/seeded-random.js';
import type { TrainingCallbacks } from './callbacks.js';
import { checkLabelledData, type LabelledData } from './evaluate.js';
import type { LearningRateSchedule } from './learning-rate-schedules.js';
import type { ProgressMode } from './progress-reporter.js';
import { checkStepOptions, stepOptionKeys, type TrainStepOptions } from './train-step.js';

/**
 * Options of `fit`: those of `trainStep` (loss, weightDecay, clipValue, clipNorm, classWeights,
 * metrics, stopOnNonFinite), an optional optimiser, and the loop's own.
 */
export interface FitOptions extends Omit<TrainStepOptions, 'optimizer'> {
  /** Default `new Adam()` (lr 1e-3), made for this call and disposed at its end. A given optimiser keeps its state. */
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
  callbacks?: TrainingCallbacks | TrainingCallbacks[];
  /** Sets the optimiser's learning rate before every step (stepDecay, cosineDecay, ...); each value: finite, > 0. */
  learningRate?: LearningRateSchedule;
  /** Transforms each training batch (data augmentation), e.g. random shifts; must return a new tensor. */
  augment?: (x: tf.Tensor, random: SeededRandom) => tf.Tensor;
  /** Default 'auto': a progress bar on a terminal, one line per epoch otherwise. */
  progress?: ProgressMode;
  /** Where progress text goes. Default process.stdout. */
  write?: (text: string) => void;
}

const fitOptionKeys = [
  ...stepOptionKeys,
  'epochs',
  'batchSize',
  'shuffle',
  'seed',
  'validationSplit',
  'validationData',
  'callbacks',
  'learningRate',
  'augment',
  'progress',
  'write',
];

/** Checks everything `fit` was given before anything runs; returns the settings with defaults. */
export function checkFitOptions(data: LabelledData, options: FitOptions) {
  assertKnownOptions('fit', 'options', options, fitOptionKeys);
  checkLabelledData('fit', 'data', data);
  if (options === null || typeof options !== 'object')
    throw new ArgumentError('fit', 'expected an options object with at least { loss }');
  const step = checkStepOptions('fit', options);
  if (options.optimizer !== undefined && !(options.optimizer instanceof Optimizer))
    throw new ArgumentError('fit', 'expected options.optimizer to be an Optimizer (Sgd, Adam, RmsProp)');
  const { epochs = 1, batchSize = 32, shuffle = true, seed = 0 } = options;
  assertPositiveInteger('fit', 'epochs', epochs);
  assertPositiveInteger('fit', 'batchSize', batchSize);
  if (!Number.isInteger(seed)) throw new ArgumentError('fit', `expected seed to be an integer, got ${String(seed)}`);
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
  if (options.learningRate !== undefined && typeof options.learningRate !== 'function')
    throw new ArgumentError(
      'fit',
      'expected options.learningRate to be a schedule function (stepDecay, cosineDecay, ...)',
    );
  if (options.augment !== undefined && typeof options.augment !== 'function')
    throw new ArgumentError('fit', `expected options.augment to be a function (x, random) => tensor`);
  const callbacks =
    options.callbacks === undefined ? [] : Array.isArray(options.callbacks) ? options.callbacks : [options.callbacks];
  return { ...step, epochs, batchSize, shuffle, seed, callbacks };
}
