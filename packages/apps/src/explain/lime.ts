import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  assertFiniteNumber,
  assertNonNegative,
  assertOneOf,
  assertPositive,
  assertPositiveInteger,
  createRandom,
} from '@baihua/core';
import type { Classifier } from './classifier.js';
import type { ExplainOptions } from './explain-options.js';
import { explainedClasses } from './explained-classes.js';
import { limeKernel, type LimeDistance } from './lime-kernel.js';
import { maskedScores } from './masked-scores.js';
import { type PatchSize, patchSegments, type Segments, segmentMasks, spreadOverSegments } from './patch-segments.js';
import { pixelLayout } from './pixel-layout.js';
import { sliceRows } from './batches.js';
import { weightedRidge } from './weighted-ridge.js';
import { checkFill } from './perturbation-options.js';

/** Options of {@link lime}. */
export interface LimeOptions extends ExplainOptions {
  /** Side (or [h, w]) of the square patches used as super-pixels. Default 4. */
  patchSize?: PatchSize;
  /** Random masks per image (the first is the image itself). Default 1000. */
  samples?: number;
  /** The value a switched-off segment gets. Default the lower bound. */
  fill?: number;
  /** D in the kernel: 'cosine' (default) or 'l2'. */
  distance?: LimeDistance;
  /** sigma of pi_x. Default 0.25 for cosine, 0.75 sqrt(M) for l2 (the lime package's defaults). */
  kernelWidth?: number;
  /** lambda of Omega(g) = lambda |w|^2 (ridge). Default 1. */
  regularization?: number;
  /** K: keep the K segments with the largest |weight| of the full fit and refit on them (sparse g). Default all M. */
  features?: number;
  /** Seed of the masks. Default 0. */
  seed?: number;
  /** Called after each image with (done, N). */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link lime} returns. */
export interface LimeResult {
  /** [N, ...] like the images: each segment's weight spread evenly over its pixels. The caller's to dispose. */
  attributions: tf.Tensor;
  /** The weights of g per image, one per segment (0 for segments left out by `features`). */
  coefficients: number[][];
  /** The intercept of g per image. */
  intercepts: number[];
  /** Weighted R^2 of g on its samples, per image: how well the linear surrogate fits f near x. */
  scores: number[];
  segments: Segments;
}

const limeKeys = [
  'patchSize',
  'samples',
  'fill',
  'distance',
  'kernelWidth',
  'regularization',
  'features',
  'seed',
  'onProgress',
];

/**
 * LIME (Ribeiro, Singh and Guestrin 2016) as the seed writes it: xi(x) = argmin_{g in G}
 * L(f, g, pi_x) + Omega(g), with G linear models over M patch segments, the samples z' random
 * binary masks (each segment on with probability 1/2; the first is all ones), f(z) the explained
 * score with switched-off segments set to `fill`, L = sum_z pi_x(z) (f(z) - g(z'))^2 with
 * pi_x(z) = exp(-D(x', z')^2 / sigma^2), and Omega a ridge penalty lambda |w|^2, plus a K-feature
 * limit (the K largest |w| of the full fit, refitted) for a sparse g. images [N, H, W, C],
 * [N, H, W] or [N, D]. Defaults: patchSize 4, samples 1000, fill = low bound, cosine, sigma 0.25,
 * lambda 1, all features, seed 0, the predicted class, 'probability', bounds [0, 1], batchSize 64.
 *
 * @example
 * const { attributions, coefficients } = await lime(model, images, { patchSize: 4, samples: 500, features: 10 });
 *
 * In plain words: switch tiles of the picture on and off at random, watch the answer, and fit a straight line to it.
 */
export async function lime(classifier: Classifier, images: tf.Tensor, options: LimeOptions = {}): Promise<LimeResult> {
  const fn = 'lime';
  const layout = pixelLayout(fn, images);
  const { patchSize = 4, samples = 1000, distance = 'cosine', regularization = 1, seed = 0 } = options;
  const segments = patchSegments(fn, layout, patchSize);
  const m = segments.count;
  const { features = m } = options;
  assertPositiveInteger(fn, 'options.samples', samples);
  assertOneOf(fn, 'options.distance', distance, ['cosine', 'l2']);
  const sigma = options.kernelWidth ?? (distance === 'cosine' ? 0.25 : 0.75 * Math.sqrt(m));
  assertPositive(fn, 'options.kernelWidth', sigma);
  assertNonNegative(fn, 'options.regularization', regularization);
  assertPositiveInteger(fn, 'options.features', features);
  assertFiniteNumber(fn, 'options.seed', seed);
  if (features > m)
    throw new ArgumentError(fn, `expected options.features <= ${m} (the number of segments), got ${features}`);
  const target = await explainedClasses(fn, classifier, images, options, limeKeys, 'probability');
  const fill = checkFill(fn, options.fill, target.bounds);
  const random = createRandom(seed);
  const n = images.shape[0] as number;
  const result: Omit<LimeResult, 'attributions'> = { coefficients: [], intercepts: [], scores: [], segments };
  const maps = new Float32Array(images.size);
  for (let i = 0; i < n; i++) {
    const masks = Uint8Array.from({ length: samples * m }, (_, k) => (k < m || random.next() < 0.5 ? 1 : 0));
    const image = sliceRows(images, i, 1);
    const scoreOptions = { ...target, layout, fill, classIndex: target.classes[i] as number };
    const y = await maskedScores(
      target.logitsOf,
      image,
      segmentMasks(masks, samples, segments),
      samples,
      scoreOptions,
    ).finally(() => image.dispose());
    const weights = limeKernel(masks, samples, m, distance, sigma);
    let fit = weightedRidge(masks, y, weights, samples, m, regularization);
    if (fit !== undefined && features < m) {
      const ranked = Array.from(fit.coefficients.keys()).sort(
        (a, b) => Math.abs(fit?.coefficients[b] as number) - Math.abs(fit?.coefficients[a] as number),
      );
      fit = weightedRidge(masks, y, weights, samples, m, regularization, ranked.slice(0, features));
    }
    if (fit === undefined)
      throw new ArgumentError(
        fn,
        `expected regularization > 0 or more samples than ${samples} for ${m} segments (singular fit)`,
      );
    result.coefficients.push(Array.from(fit.coefficients));
    result.intercepts.push(fit.intercept);
    result.scores.push(fit.score);
    maps.set(
      spreadOverSegments(result.coefficients[i] as number[], segments, layout.channels),
      i * layout.positions * layout.channels,
    );
    options.onProgress?.(i + 1, n);
  }
  return { attributions: tf.tensor(maps, images.shape), ...result };
}
