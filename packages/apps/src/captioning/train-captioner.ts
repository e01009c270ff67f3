import {
  Adam,
  ArgumentError,
  assertKnownOptions,
  assertInRange,
  assertPositive,
  assertPositiveInteger,
  createRandom,
  trainStep,
} from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import type { Vocabulary } from '../text-common/vocabulary.js';
import { checkCaptionImages } from './caption-checks.js';
import { captionTargets } from './caption-targets.js';
import type { Captioner } from './captioner.js';
import { sequenceCrossEntropy } from '../text-common/sequence-cross-entropy.js';

/** Options of {@link trainCaptioner}. */
export interface TrainCaptionerOptions {
  /** Passes over the data. Default 10. */
  epochs?: number;
  /** Images per step. Default 32. */
  batchSize?: number;
  /** Adam's learning rate. Default 3e-3. */
  learningRate?: number;
  /** Global gradient norm clip. Default 5. */
  clipNorm?: number;
  /**
   * Word dropout (Bowman et al. 2016): each word the decoder reads (not `<bos>`, not padding) is
   * replaced by `<unk>` with this probability, in [0, 1), so the decoder leans on the image more and
   * on its own previous words less. Default 0.
   */
  wordDropout?: number;
  /** Seed of the batch order and the word dropout. Default 0. */
  seed?: number;
  /** Called after each epoch with its number (from 1) and mean loss. */
  onEpoch?: (epoch: number, loss: number) => void;
}

/**
 * Trains a {@link Captioner} by teacher forcing: each step feeds a batch of images and
 * `<bos> w_1 .. w_n` and minimises {@link sequenceCrossEntropy} against `w_1 .. w_n <eos>`
 * (core's `trainStep` with Adam and gradient-norm clipping), batches drawn in a seeded order.
 * images [N, H, W, 3] float32, captions: N strings (unknown words become `<unk>`).
 * Returns the mean loss of each epoch. Leaves no tensor behind but the model's weights.
 *
 * In plain words: show the model a picture and the first words of its caption, and correct its
 * guess of the next word, again and again.
 *
 * @example
 * const { images, captions } = captionScenes({ count: 512, seed: 1 });
 * const { losses } = await trainCaptioner(captioner, images, captions, captionVocabulary(), { epochs: 5 });
 */
export async function trainCaptioner(
  captioner: Captioner,
  images: tf.Tensor,
  captions: readonly string[],
  vocabulary: Vocabulary,
  options: TrainCaptionerOptions = {},
): Promise<{ losses: number[] }> {
  const fn = 'trainCaptioner';
  assertKnownOptions(fn, 'options', options, [
    'epochs',
    'batchSize',
    'learningRate',
    'clipNorm',
    'wordDropout',
    'seed',
    'onEpoch',
  ]);
  const { epochs = 10, batchSize = 32, learningRate = 3e-3, clipNorm = 5, wordDropout = 0, seed = 0 } = options;
  assertPositiveInteger(fn, 'epochs', epochs);
  assertPositiveInteger(fn, 'batchSize', batchSize);
  assertPositive(fn, 'learningRate', learningRate);
  assertPositive(fn, 'clipNorm', clipNorm);
  assertInRange(fn, 'wordDropout', wordDropout, { min: 0, max: 1, maxExclusive: true });
  checkCaptionImages(fn, images, captioner.encoder);
  if (!Array.isArray(captions) || captions.length !== images.shape[0])
    throw new ArgumentError(fn, `expected one caption per image (${images.shape[0]}), got ${captions?.length}`);
  if (vocabulary.size !== captioner.decoder.vocabularySize) {
    throw new ArgumentError(
      fn,
      `expected a vocabulary of the captioner's size ${captioner.decoder.vocabularySize}, got ${vocabulary.size}`,
    );
  }
  const targets = captionTargets(captions, vocabulary);
  const [count, time] = targets.shape;
  const rng = createRandom(seed);
  const optimizer = new Adam({ learningRate });
  const losses: number[] = [];
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const order = rng.shuffle(Array.from({ length: count }, (_, i) => i));
      let total = 0;
      for (let start = 0; start < count; start += batchSize) {
        const rows = order.slice(start, start + batchSize);
        const pick = (ids: Int32Array) =>
          Int32Array.from(rows.flatMap((r) => Array.from(ids.subarray(r * time, (r + 1) * time))));
        const inputs = pick(targets.inputIds).map((id) =>
          wordDropout > 0 && id > 3 && rng.next() < wordDropout ? 3 : id,
        );
        const batch = tf.tidy(() => ({
          x: [tf.gather(images, rows), tf.tensor2d(inputs, [rows.length, time], 'int32')],
          y: tf.tensor2d(pick(targets.targetIds), [rows.length, time], 'int32'),
        }));
        try {
          const { loss } = await trainStep(captioner, batch, { loss: sequenceCrossEntropy, optimizer, clipNorm });
          total += loss * rows.length;
        } finally {
          tf.dispose([...batch.x, batch.y]);
        }
      }
      losses.push(total / count);
      options.onEpoch?.(epoch, total / count);
    }
  } finally {
    optimizer.dispose();
  }
  return { losses };
}
