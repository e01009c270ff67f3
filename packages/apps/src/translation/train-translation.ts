import { Adam, assertKnownOptions, assertPositive, assertPositiveInteger, createRandom, trainStep } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { sequenceCrossEntropy } from '../text-common/sequence-cross-entropy.js';
import { type TranslationPair, translationBatch } from './translation-batch.js';
import type { TranslationModel } from './translation-model.js';

/** Options of {@link trainTranslation}. */
export interface TrainTranslationOptions {
  /** Passes over the pairs. Default 10. */
  epochs?: number;
  /** Pairs per step. Default 64. */
  batchSize?: number;
  /** Adam's starting rate, decayed by cosine to a tenth over the run. Default 0.01. */
  learningRate?: number;
  /** Seed of the shuffles. Default 0. */
  seed?: number;
  /** Called after each epoch with its 0-based index and mean loss. */
  onEpoch?: (epoch: number, loss: number) => void;
}

/**
 * Teacher-forced training with core's `trainStep` (Adam, global gradient norm clipped at 5,
 * {@link sequenceCrossEntropy}): each epoch shuffles the pairs, groups each run of 16 batches
 * by source length (so a batch pads to similar lengths: fewer recurrent steps), and pads each
 * batch to its own longest sequence. Returns the mean loss of each epoch.
 *
 * @example
 * const { losses } = await trainTranslation(model, pairs, { epochs: 5, batchSize: 64 });
 *
 * In plain words: show the model many translations, and after each batch nudge it towards them.
 */
export async function trainTranslation(
  model: TranslationModel,
  pairs: readonly TranslationPair[],
  options: TrainTranslationOptions = {},
): Promise<{ losses: number[] }> {
  const fn = 'trainTranslation';
  assertKnownOptions(fn, 'options', options, ['epochs', 'batchSize', 'learningRate', 'seed', 'onEpoch']);
  const { epochs = 10, batchSize = 64, learningRate = 0.01, seed = 0, onEpoch } = options;
  assertPositiveInteger(fn, 'epochs', epochs);
  assertPositiveInteger(fn, 'batchSize', batchSize);
  assertPositive(fn, 'learningRate', learningRate);
  const { x, y } = translationBatch(model, pairs); // checks every pair before the first step
  tf.dispose([...x, y]);
  const random = createRandom(seed);
  const optimizer = new Adam({ learningRate });
  const losses: number[] = [];
  const stepsPerEpoch = Math.ceil(pairs.length / batchSize);
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      const order = random.shuffle(Array.from(pairs.keys()));
      const window = 16 * batchSize;
      for (let from = 0; from < order.length; from += window) {
        const part = order.slice(from, from + window);
        part.sort((a, b) => (pairs[a] as TranslationPair).source.length - (pairs[b] as TranslationPair).source.length);
        order.splice(from, part.length, ...part);
      }
      const batches = Array.from({ length: stepsPerEpoch }, (_, b) => order.slice(b * batchSize, (b + 1) * batchSize));
      random.shuffle(batches);
      let total = 0;
      for (const [b, rows] of batches.entries()) {
        const progress = (epoch * stepsPerEpoch + b) / (epochs * stepsPerEpoch);
        optimizer.learningRate = learningRate * (0.1 + 0.45 * (1 + Math.cos(Math.PI * progress)));
        const { x, y } = translationBatch(
          model,
          rows.map((i) => pairs[i] as TranslationPair),
        );
        try {
          const { loss } = await trainStep(model, { x, y }, { loss: sequenceCrossEntropy, optimizer, clipNorm: 5 });
          total += loss * rows.length;
        } finally {
          tf.dispose([...x, y]);
        }
      }
      losses.push(total / pairs.length);
      onEpoch?.(epoch, total / pairs.length);
    }
  } finally {
    optimizer.dispose();
  }
  return { losses };
}
