import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertPositive, assertPositiveInteger, createRandom, type SeededRandom } from '@baihua/core';
import { checkBounds, checkImages } from './attack-checks.js';
import { type Classifier, classifierFunction } from './classifier.js';

/** The class index smoothing returns when it abstains. */
export const ABSTAIN = -1;

/** Options shared by {@link smoothedPredict} and {@link certify}. */
export interface SmoothingOptions {
  /** Standard deviation of the Gaussian noise. Required, > 0. */
  sigma: number;
  /** Monte-Carlo samples n per image (Cohen et al.: 100,000 to certify). Default 1000. */
  samples?: number;
  /** Failure probability alpha of the test or bound. Default 0.001. */
  alpha?: number;
  /** Noisy copies per forward. Default 500. */
  batchSize?: number;
  /** Seed of the noise. Default 0. */
  seed?: number;
  /** The images' pixel bounds (checked; the noise itself is not clipped). Default [0, 1]. */
  bounds?: readonly [number, number];
  /** Called after each image with (images done, images in all). */
  onProgress?: (done: number, total: number) => void;
}

/** The option keys of {@link SmoothingOptions}. */
export const smoothingOptionKeys = ['sigma', 'samples', 'alpha', 'batchSize', 'seed', 'bounds', 'onProgress'];

/** Checked smoothing settings. */
export interface SmoothingSetup {
  f: (images: tf.Tensor) => tf.Tensor;
  sigma: number;
  samples: number;
  alpha: number;
  batchSize: number;
  random: SeededRandom;
}

/** Checks classifier, images and the shared options; throws naming `fn` and the argument. */
export async function prepareSmoothing(
  fn: string,
  classifier: Classifier,
  images: tf.Tensor,
  options: SmoothingOptions,
): Promise<SmoothingSetup> {
  const f = classifierFunction(fn, classifier);
  const { sigma, samples = 1000, alpha = 0.001, batchSize = 500, seed = 0 } = options;
  assertPositive(fn, 'options.sigma', sigma);
  assertPositiveInteger(fn, 'options.samples', samples);
  assertPositiveInteger(fn, 'options.batchSize', batchSize);
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1))
    throw new ArgumentError(fn, `expected options.alpha in (0, 1), got ${String(alpha)}`);
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected options.seed to be an integer, got ${seed}`);
  await checkImages(fn, 'images', images, checkBounds(fn, options.bounds));
  return { f, sigma, samples, alpha, batchSize, random: createRandom(seed) };
}
