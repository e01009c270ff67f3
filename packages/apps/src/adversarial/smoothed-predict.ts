import type * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '@baihua/core';
import { binomialTestHalf } from './clopper-pearson.js';
import type { Classifier } from './classifier.js';
import { noisyCounts, topTwo } from './noisy-counts.js';
import { ABSTAIN, prepareSmoothing, type SmoothingOptions, smoothingOptionKeys } from './smoothing-options.js';

/**
 * Prediction of the smoothed classifier g(x) = argmax_c P(f(x + eps) = c), eps ~ N(0, sigma^2 I)
 * (Cohen, Rosenfeld and Kolter, 2019, PREDICT): draw n noisy copies, count the top two classes
 * n_A, n_B; return c_A when the two-sided binomial test of n_A against n_A + n_B at p = 1/2 gives
 * a p-value <= alpha, otherwise abstain ({@link ABSTAIN}, -1). Then g(x) is wrong with probability
 * at most alpha. images [N, ...]; the classifier maps [M, ...] to logits [M, K].
 *
 * @example
 * const classes = await smoothedPredict(model, digits, { sigma: 0.25, samples: 1000 });
 *
 * In plain words: ask the model about many noisy copies and answer only when the vote is clear.
 */
export async function smoothedPredict(
  classifier: Classifier,
  images: tf.Tensor,
  options: SmoothingOptions,
): Promise<number[]> {
  const fn = 'smoothedPredict';
  assertKnownOptions(fn, 'options', options, smoothingOptionKeys);
  const setup = await prepareSmoothing(fn, classifier, images, options);
  const { f, sigma, samples, alpha, batchSize, random } = setup;
  const counts = await noisyCounts(fn, f, images, samples, sigma, batchSize, random, options.onProgress);
  return counts.map((row) => {
    const [a, b] = topTwo(row);
    const countA = row[a] as number;
    const countB = b < 0 ? 0 : (row[b] as number);
    return binomialTestHalf(countA, countA + countB) <= alpha ? a : ABSTAIN;
  });
}
