import * as tf from '@tensorflow/tfjs-core';
import { assertFiniteNumber, assertNonNegative, assertPositiveInteger, createRandom } from '@baihua/core';
import type { Classifier } from './classifier.js';
import type { ExplainOptions } from './explain-options.js';
import { explainedClasses } from './explained-classes.js';
import { classScoreGradient } from './class-scores.js';
import { concatBatches, oneHotRows, sliceRows } from './batches.js';

/** Options of {@link smoothGrad}. */
export interface SmoothGradOptions extends ExplainOptions {
  /** Noisy copies per image, n. Default 25. */
  samples?: number;
  /** Standard deviation of the Gaussian noise, in pixel units. Default 0.15 * (high - low) of the bounds. */
  sigma?: number;
  /** Average signed gradients (true) or their magnitudes (false, the default, as in the paper's maps). */
  signed?: boolean;
  /** Seed of the noise. Default 0. The same seed and batchSize give the same maps. */
  seed?: number;
  /** Called after each noisy copy of each batch with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * SmoothGrad (Smilkov et al. 2017): M(x) = 1/n sum_i |grad f_c(x + e_i)|, e_i ~ N(0, sigma^2 I),
 * seeded; noisy copies are not clipped to the bounds. images [N, ...] -> [N, ...], the caller's
 * to dispose. Defaults: samples 25, sigma 0.15 * (high - low), unsigned, seed 0, the predicted
 * class, 'logit', bounds [0, 1], batchSize 64.
 *
 * @example
 * const map = await smoothGrad(model, images, { samples: 50, sigma: 0.1, seed: 1 });
 *
 * In plain words: the saliency map averaged over many slightly noisy copies, so its speckle cancels out.
 */
export async function smoothGrad(
  classifier: Classifier,
  images: tf.Tensor,
  options: SmoothGradOptions = {},
): Promise<tf.Tensor> {
  const fn = 'smoothGrad';
  const known = ['samples', 'sigma', 'signed', 'seed', 'onProgress'];
  const { samples = 25, signed = false, seed = 0 } = options;
  assertPositiveInteger(fn, 'options.samples', samples);
  if (options.sigma !== undefined) assertNonNegative(fn, 'options.sigma', options.sigma);
  assertFiniteNumber(fn, 'options.seed', seed);
  const target = await explainedClasses(fn, classifier, images, options, known, 'logit');
  const sigma = options.sigma ?? 0.15 * (target.bounds[1] - target.bounds[0]);
  const random = createRandom(seed);
  const n = images.shape[0] as number;
  const total = Math.ceil(n / target.batchSize) * samples;
  let done = 0;
  return concatBatches(n, target.batchSize, (start, size) =>
    tf.tidy(() => {
      const x = sliceRows(images, start, size);
      const oneHot = oneHotRows(target.classes.slice(start, start + size), target.numClasses);
      let sum = tf.zerosLike(x);
      for (let s = 0; s < samples; s++) {
        const next = tf.tidy(() => {
          const noise = Float32Array.from({ length: x.size }, () => sigma * random.normal());
          const g = classScoreGradient(target.logitsOf, tf.add(x, tf.tensor(noise, x.shape)), oneHot, target.output);
          return tf.add(sum, signed ? g : tf.abs(g));
        });
        sum.dispose();
        sum = next;
        options.onProgress?.(++done, total);
      }
      return tf.div(sum, samples);
    }),
  );
}
