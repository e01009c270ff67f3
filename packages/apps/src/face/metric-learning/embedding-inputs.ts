import {
  ArgumentError,
  assertFiniteNumber,
  assertNonNegative,
  assertOneOf,
  assertPositive,
  assertPositiveInteger,
  assertTensor,
  type Layer,
  Optimizer,
  ShapeError,
} from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { type TripletMining, tripletMinings } from './triplet-objective.js';

/** Images and their identity labels (one per row). */
export interface EmbeddingData {
  /** [N, ...] the model's input rows (images [N, H, W, C]). */
  images: tf.Tensor;
  /** [N] integer identity of each row. */
  labels: tf.Tensor1D | ArrayLike<number>;
}

/** Options of {@link trainEmbedding}. */
export interface TrainEmbeddingOptions {
  /** How triplets are chosen in each P x K batch. */
  mining: TripletMining;
  /** Optimisation steps (one P x K batch each). */
  steps: number;
  /** P: identities per batch. */
  identitiesPerBatch: number;
  /** K: rows per identity in a batch (>= 2). */
  samplesPerIdentity: number;
  /** Triplet margin alpha on squared distances of unit vectors. Default 0.2 (the seed's). */
  margin?: number;
  /** Adam's learning rate when no optimizer is given. Default 1e-3. */
  learningRate?: number;
  /** The optimiser (its state stays the caller's); default a new Adam, disposed at the end. */
  optimizer?: Optimizer;
  /** Seed of the batches and random triplets. Default 0. */
  seed?: number;
  /** Called after every step with its loss (measured before that step's update). */
  onStep?: (progress: { step: number; steps: number; loss: number }) => void;
}

/** The option keys {@link trainEmbedding} accepts. */
export const trainEmbeddingOptionKeys = [
  'mining',
  'steps',
  'identitiesPerBatch',
  'samplesPerIdentity',
  'margin',
  'learningRate',
  'optimizer',
  'seed',
  'onStep',
] as const;

/** Checks data and options (everything before any tensor is made); returns the labels as numbers. */
export async function checkEmbeddingInputs(
  fn: string,
  model: Layer,
  data: EmbeddingData,
  options: TrainEmbeddingOptions,
): Promise<number[]> {
  if (model === null || typeof model !== 'object' || typeof (model as Layer).apply !== 'function')
    throw new ArgumentError(fn, `expected model to be a Layer, got ${model === null ? 'null' : typeof model}`);
  if (data === null || typeof data !== 'object')
    throw new ArgumentError(fn, `expected data to be { images, labels }, got ${data === null ? 'null' : typeof data}`);
  assertTensor(fn, 'data.images', data.images);
  if (data.images.rank < 2)
    throw new ShapeError(fn, `expected data.images of rank >= 2 ([N, ...]), got rank ${data.images.rank}`);
  assertOneOf(fn, 'mining', options.mining, tripletMinings);
  assertPositiveInteger(fn, 'steps', options.steps);
  const { margin = 0.2, learningRate, optimizer, seed = 0, onStep } = options;
  assertFiniteNumber(fn, 'margin', margin);
  assertNonNegative(fn, 'margin', margin);
  if (learningRate !== undefined) assertPositive(fn, 'learningRate', learningRate);
  if (optimizer !== undefined && !(optimizer instanceof Optimizer))
    throw new ArgumentError(fn, 'expected optimizer to be an Optimizer (Sgd, Adam, RmsProp)');
  if (optimizer !== undefined && learningRate !== undefined)
    throw new ArgumentError(fn, 'expected learningRate or optimizer, got both (set the rate on the optimizer)');
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected seed to be an integer, got ${String(seed)}`);
  if (onStep !== undefined && typeof onStep !== 'function')
    throw new ArgumentError(fn, `expected onStep to be a function, got ${typeof onStep}`);
  const labels = data.labels instanceof tf.Tensor ? await readLabels(fn, data.labels) : data.labels;
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number')
    throw new ArgumentError(fn, `expected data.labels to be a Tensor1D or an array, got ${typeof labels}`);
  if (labels.length !== data.images.shape[0])
    throw new ShapeError(
      fn,
      `expected data.labels to have one entry per image (${data.images.shape[0]}), got ${labels.length}`,
    );
  return Array.from(labels);
}

async function readLabels(fn: string, labels: tf.Tensor): Promise<ArrayLike<number>> {
  if (labels.rank !== 1) throw new ShapeError(fn, `expected data.labels of rank 1, got rank ${labels.rank}`);
  return labels.data();
}
