import {
  Adam,
  ArgumentError,
  assertFiniteNumber,
  assertKnownOptions,
  assertNonNegative,
  assertOneOf,
  assertPositive,
  assertPositiveInteger,
  assertTensor,
  createRandom,
  type Layer,
  Optimizer,
  ShapeError,
  trainStep,
} from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { pkSampler } from './pk-batch-indices.js';
import { stepObjective, type TripletMining, tripletMinings } from './triplet-objective.js';

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

/**
 * Trains an embedding network with a triplet loss on P x K batches (FaceNet; Hermans et al. 2017):
 * each step draws P identities with K rows each ({@link pkBatchIndices}), embeds them in training
 * mode, L2-normalises the embeddings and takes one optimiser step on the triplet loss
 *   L = mean over triplets of max(0, ||a - p||^2 - ||a - n||^2 + margin)
 * with triplets 'random' (one per row: a random positive and a random negative, `tripletLoss`),
 * 'batch-hard' (each row's farthest positive and nearest negative) or 'semi-hard' (FaceNet's).
 * Each step is core's `trainStep` (gradients of the trainable weights only: frozen layers stay as
 * they are; a NaN or infinite loss stops training before that update).
 *
 * data.images [N, ...] (the model maps [B, ...] -> [B, D]); data.labels [N] integers.
 * Defaults: margin 0.2, learningRate 1e-3 (Adam), seed 0. Returns every step's loss.
 * Leaves no tensor behind but the weights and a given optimiser's state.
 *
 * In plain words: show the network a few people at a time and move photos of the same person
 * together and different people apart, until a distance tells them apart.
 *
 * @example
 * const { loss } = await trainEmbedding(model, { images, labels }, {
 *   mining: 'semi-hard', steps: 300, identitiesPerBatch: 16, samplesPerIdentity: 4,
 * });
 */
export async function trainEmbedding(
  model: Layer,
  data: EmbeddingData,
  options: TrainEmbeddingOptions,
): Promise<{ loss: number[] }> {
  const fn = 'trainEmbedding';
  assertKnownOptions(fn, 'options', options, trainEmbeddingOptionKeys);
  return runTraining(fn, model, data, options);
}

/**
 * trainEmbedding's loop, for callers that have checked their own option keys (fineTuneFaceNet):
 * `beforeTraining` runs once every check has passed, before the first step.
 */
export async function runTraining(
  fn: string,
  model: Layer,
  data: EmbeddingData,
  options: TrainEmbeddingOptions,
  beforeTraining?: () => void,
): Promise<{ loss: number[] }> {
  const labels = await checkEmbeddingInputs(fn, model, data, options);
  const { identitiesPerBatch: p, samplesPerIdentity: k, steps, mining, margin = 0.2, seed = 0 } = options;
  const next = pkSampler(fn, labels, { identitiesPerBatch: p, samplesPerIdentity: k, seed });
  beforeTraining?.();
  const random = createRandom(seed + 1);
  const optimizer = options.optimizer ?? new Adam({ learningRate: options.learningRate ?? 1e-3 });
  const slots = tf.tensor1d(
    Array.from({ length: p * k }, (_, i) => Math.floor(i / k)),
    'int32',
  );
  const losses: number[] = [];
  try {
    for (let step = 0; step < steps; step++) {
      const rows = tf.tensor1d(next(), 'int32');
      const x = tf.gather(data.images, rows);
      const objective = stepObjective(mining, margin, p, k, random);
      try {
        const { loss } = await trainStep(model, { x, y: slots }, { loss: objective.loss, optimizer });
        losses.push(loss);
        options.onStep?.({ step: step + 1, steps, loss });
      } finally {
        objective.dispose();
        tf.dispose([rows, x]);
      }
    }
    return { loss: losses };
  } finally {
    slots.dispose();
    if (options.optimizer === undefined) optimizer.dispose();
  }
}
