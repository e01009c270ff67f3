import { Adam, assertKnownOptions, createRandom, type Layer, trainStep } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import {
  checkEmbeddingInputs,
  type EmbeddingData,
  type TrainEmbeddingOptions,
  trainEmbeddingOptionKeys,
} from './embedding-inputs.js';
import { pkSampler } from './pk-batch-indices.js';
import { stepObjective } from './triplet-objective.js';

export type { EmbeddingData, TrainEmbeddingOptions } from './embedding-inputs.js';
export { trainEmbeddingOptionKeys } from './embedding-inputs.js';

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
