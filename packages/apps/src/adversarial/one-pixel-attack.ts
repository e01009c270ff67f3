import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  assertKnownOptions,
  assertPositiveInteger,
  assertTensor,
  createRandom,
  ShapeError,
} from '@baihua/core';
import { type AttackResult, attackReport } from './attack-report.js';
import { type AttackOptions, attackOptionKeys, prepareAttack } from './attack-setup.js';
import { type Classifier, classify } from './classifier.js';
import { evolvePixels } from './evolve-pixels.js';
import type { FlatImage } from './pixel-candidates.js';

/** Options of {@link onePixelAttack}; the defaults are Su, Vargas and Sakurai's. */
export interface OnePixelAttackOptions extends AttackOptions {
  /** Pixels changed per image (the paper: 1, 3, 5). Default 1. */
  pixels?: number;
  /** Candidates per image, >= 4. Default 400. */
  populationSize?: number;
  /** Generations at most. Default 100. */
  iterations?: number;
  /** Mutation scale F. Default 0.5. */
  scale?: number;
  /** Images evolved together: one forward of imagesPerBatch * populationSize rows per generation. Default 4. */
  imagesPerBatch?: number;
  /** Seed of the evolution. Default 0. */
  seed?: number;
  /** Called after each batch of images with (images done, images in all). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The one-pixel attack (Su, Vargas and Sakurai, arXiv 1710.08864) by differential evolution:
 * each candidate is `pixels` tuples (x, y, value per channel); population 400, at most 100
 * generations, child_i = x_r1 + F (x_r2 - x_r3) with F = 0.5 and no crossover; a child replaces
 * its parent when its fitness is better; fitness = the probability of the true class (untargeted,
 * minimised) or of the target (targeted, maximised). Early stop: as soon as one candidate fools the
 * classifier (prediction != label, or = target), as the authors' reference code does. Every
 * generation's candidates of `imagesPerBatch` images go through the classifier in one forward.
 * images [N, H, W, C] float32 in `bounds`; images already misclassified (or at their target) are
 * left as they are. At most `pixels` pixels of an image change.
 *
 * @example
 * const result = await onePixelAttack(model, digits, labels, { pixels: 3 });
 * console.log(result.successRate);
 * result.adversarial.dispose();
 *
 * In plain words: search, by breeding guesses, for the one dot that changes the model's mind.
 */
export async function onePixelAttack(
  classifier: Classifier,
  images: tf.Tensor,
  labels: tf.Tensor | readonly number[],
  options: OnePixelAttackOptions = {},
): Promise<AttackResult> {
  const fn = 'onePixelAttack';
  const own = ['pixels', 'populationSize', 'iterations', 'scale', 'imagesPerBatch', 'seed', 'onProgress'];
  assertKnownOptions(fn, 'options', options, [...attackOptionKeys, ...own]);
  const { pixels = 1, populationSize = 400, iterations = 100, scale = 0.5, imagesPerBatch = 4, seed = 0 } = options;
  assertPositiveInteger(fn, 'options.pixels', pixels);
  assertPositiveInteger(fn, 'options.iterations', iterations);
  assertPositiveInteger(fn, 'options.imagesPerBatch', imagesPerBatch);
  if (!Number.isInteger(populationSize) || populationSize < 4)
    throw new ArgumentError(fn, `expected options.populationSize to be an integer >= 4, got ${populationSize}`);
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0)
    throw new ArgumentError(fn, `expected options.scale (F) to be a finite number > 0, got ${String(scale)}`);
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected options.seed to be an integer, got ${seed}`);
  assertTensor(fn, 'images', images);
  if (images.rank !== 4) throw new ShapeError(fn, `expected images [N, H, W, C], got shape [${images.shape}]`);
  const setup = await prepareAttack(fn, classifier, images, labels, options);
  const { f, bounds, targets, batchSize } = setup;
  const [rows, height, width, channels] = images.shape as [number, number, number, number];
  const clean = await classify(fn, f, images, batchSize);
  const values = (await images.data()) as Float32Array;
  const size = height * width * channels;
  const out = new Float32Array(values);
  const random = createRandom(seed);
  const pending = clean.classes
    .map((_, i) => i)
    .filter((i) => (targets ? clean.classes[i] !== targets[i] : clean.classes[i] === setup.labels[i]));
  for (let start = 0; start < pending.length; start += imagesPerBatch) {
    const chosen = pending.slice(start, start + imagesPerBatch);
    const flats: FlatImage[] = chosen.map((i) => ({
      values: values.subarray(i * size, (i + 1) * size),
      height,
      width,
      channels,
    }));
    const wanted = chosen.map((i) => (targets ? (targets[i] as number) : (setup.labels[i] as number)));
    const best = await evolvePixels(fn, f, flats, wanted, targets !== undefined, {
      pixels,
      populationSize,
      iterations,
      scale,
      bounds,
      random,
    });
    chosen.forEach((i, k) => out.set(best[k] as Float32Array, i * size));
    options.onProgress?.(Math.min(start + imagesPerBatch, pending.length), pending.length);
  }
  const adversarial = tf.tensor4d(out, [rows, height, width, channels]);
  return attackReport(fn, f, images, adversarial, setup.labels, targets, batchSize);
}
