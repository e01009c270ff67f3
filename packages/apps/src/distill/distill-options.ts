import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  ShapeError,
  assertInRange,
  assertKnownOptions,
  assertPositive,
  assertPositiveInteger,
  describeShape,
  type Layer,
  type Optimizer,
  type EpochLogs,
  type LearningRateSchedule,
  type ProgressMode,
} from '@baihua/core';
import type { TeacherClassifier } from './classifier.js';

/** Labelled images: x [N, ...], y [N] int32 class indices or [N, K] one-hot rows. */
export interface LabelledImages {
  x: tf.Tensor;
  y: tf.Tensor;
}

/** Options of {@link distill}. */
export interface DistillOptions {
  /** The trained model whose softened answers the student learns: a core model or a function x -> logits [N, K]. */
  teacher: TeacherClassifier;
  /** The model being trained (a core Layer/Sequential/Model): x -> logits [N, K], same K as the teacher. */
  student: Layer;
  /** Training images and their labels. */
  data: LabelledImages;
  /** T > 0: both distributions are softmax(z / T). Default 4. */
  temperature?: number;
  /** Weight in [0, 1] of the hard-label cross-entropy; the teacher's gets 1 - alpha (1: plain training). Default 0.5 */
  alpha?: number;
  /** Passes over `data`. Default 10. */
  epochs?: number;
  /** Rows per step. Default 64. */
  batchSize?: number;
  /** Adam's learning rate when no `optimizer` is given. Default 1e-3. */
  learningRate?: number;
  /** A schedule of the learning rate (e.g. core's cosineDecay()). Default: constant. */
  schedule?: LearningRateSchedule;
  /** An optimiser the caller owns (and disposes). Default: a fresh Adam, disposed at the end. */
  optimizer?: Optimizer;
  /** Seed of the batch order. Default 0. */
  seed?: number;
  /** Held-out labelled images: the student's accuracy on them is logged after every epoch as `valAccuracy`. */
  validationData?: LabelledImages;
  /** Training log printed by core's fit ('auto', 'bar', 'lines', 'none'). Default 'none'. */
  progress?: ProgressMode;
  /** Called after every epoch with epochs done, total epochs and that epoch's logs (loss, valAccuracy, ...). */
  onProgress?: (done: number, total: number, logs: EpochLogs) => void;
}

/** Every option key of {@link distill}. */
export const distillOptionKeys = [
  'teacher',
  'student',
  'data',
  'temperature',
  'alpha',
  'epochs',
  'batchSize',
  'learningRate',
  'schedule',
  'optimizer',
  'seed',
  'validationData',
  'progress',
  'onProgress',
] as const;

/**
 * Checks every option of {@link distill} before any tensor is made; returns the defaults filled in.
 * Errors read `distill: expected temperature > 0, got 0`.
 *
 * @example const settings = checkDistillOptions(options);
 *
 * In plain words: refuse a lesson plan that makes no sense before the lesson starts.
 */
export function checkDistillOptions(options: DistillOptions) {
  const fn = 'distill';
  assertKnownOptions(fn, 'options', options, distillOptionKeys);
  const { temperature = 4, alpha = 0.5, epochs = 10, batchSize = 64, learningRate = 1e-3, seed = 0 } = options;
  assertPositive(fn, 'temperature', temperature);
  assertInRange(fn, 'alpha', alpha, { min: 0, max: 1 });
  assertPositiveInteger(fn, 'epochs', epochs);
  assertPositiveInteger(fn, 'batchSize', batchSize);
  assertPositive(fn, 'learningRate', learningRate);
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected seed to be an integer, got ${String(seed)}`);
  if (!hasMethods(options.student, ['apply', 'countParams', 'trainableWeights']))
    throw new ArgumentError(
      fn,
      `expected student to be a core Layer (Sequential, Model), got ${typeof options.student}`,
    );
  if (options.optimizer !== undefined && !hasMethods(options.optimizer, ['applyGradients', 'dispose']))
    throw new ArgumentError(fn, `expected optimizer to be a core Optimizer, got ${typeof options.optimizer}`);
  for (const name of ['schedule', 'onProgress'] as const)
    if (options[name] !== undefined && typeof options[name] !== 'function')
      throw new ArgumentError(fn, `expected ${name} to be a function, got ${typeof options[name]}`);
  checkLabelledImages(fn, 'data', options.data);
  if (options.validationData !== undefined) checkLabelledImages(fn, 'validationData', options.validationData);
  return { temperature, alpha, epochs, batchSize, learningRate, seed, progress: options.progress ?? 'none' };
}

/**
 * Checks `{ x: [N, ...], y: [N] int32 or [N, K] }` with N >= 1 and the same N; errors name `fn` and `argument`.
 * @example checkLabelledImages('distill', 'validationData', { x, y });
 * In plain words: pictures and answers, as many of each.
 */
export function checkLabelledImages(fn: string, argument: string, data: unknown): asserts data is LabelledImages {
  const { x, y } = (data ?? {}) as Partial<LabelledImages>;
  if (!(x instanceof tf.Tensor) || !(y instanceof tf.Tensor))
    throw new ArgumentError(fn, `expected ${argument} to be { x, y } tensors, got ${describeValue(data)}`);
  if (x.rank < 2 || (x.shape[0] as number) < 1)
    throw new ShapeError(fn, `expected ${argument}.x of shape [N, ...] with N >= 1, got ${describeShape(x.shape)}`);
  const labelsOk = (y.rank === 1 && y.dtype === 'int32') || y.rank === 2;
  if (!labelsOk || y.shape[0] !== x.shape[0])
    throw new ShapeError(
      fn,
      `expected ${argument}.y of shape [${x.shape[0]}] int32 or [${x.shape[0]},K], ` +
        `got ${y.dtype} ${describeShape(y.shape)}`,
    );
}

/** Duck typing instead of instanceof, so a second copy of @baihua/core still passes. */
function hasMethods(value: unknown, names: readonly string[]): boolean {
  return typeof value === 'object' && value !== null && names.every((n) => n in value);
}

function describeValue(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  return `an object with keys ${JSON.stringify(Object.keys(value))}`;
}
