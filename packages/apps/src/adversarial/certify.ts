import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertKnownOptions, assertPositiveInteger } from '@baihua/core';
import type { Classifier } from './classifier.js';
import { clopperPearsonLower } from './clopper-pearson.js';
import { noisyCounts, topTwo } from './noisy-counts.js';
import { normalQuantile } from './normal-quantile.js';
import { ABSTAIN, prepareSmoothing, type SmoothingOptions, smoothingOptionKeys } from './smoothing-options.js';

/** Options of {@link certify}: those of smoothing plus the selection sample size. */
export interface CertifyOptions extends SmoothingOptions {
  /** Noisy samples n0 that pick the candidate class. Default 100. */
  selectionSamples?: number;
}

/** What {@link certify} returns, one entry per image. */
export interface CertifyResult {
  /** The certified class, or ABSTAIN (-1). */
  predictions: number[];
  /** Certified L2 radius sigma * Phi^-1(pA_lower); 0 when abstaining. */
  radii: number[];
  /** The Clopper-Pearson lower bound pA_lower on P(f(x + eps) = c_A). */
  lowerBounds: number[];
}

/**
 * CERTIFY of Cohen, Rosenfeld and Kolter (2019): n0 noisy samples pick c_A (the most frequent
 * class); n fresh samples count c_A; pA_lower = the one-sided (1 - alpha) Clopper-Pearson lower
 * bound on P(f(x + eps) = c_A). If pA_lower > 1/2 the smoothed classifier g returns c_A at every
 * point within L2 distance R = sigma * Phi^-1(pA_lower) of x (with probability >= 1 - alpha over
 * the sampling); otherwise abstain. images [N, ...]; classifier [M, ...] -> logits [M, K].
 *
 * @example
 * const { predictions, radii } = await certify(model, digits, { sigma: 0.25, samples: 1000 });
 * certifiedAccuracy({ predictions, radii }, labels, 0.5);
 *
 * In plain words: prove that no change smaller than R can flip the noisy vote.
 */
export async function certify(
  classifier: Classifier,
  images: tf.Tensor,
  options: CertifyOptions,
): Promise<CertifyResult> {
  const fn = 'certify';
  assertKnownOptions(fn, 'options', options, [...smoothingOptionKeys, 'selectionSamples']);
  const { selectionSamples = 100 } = options;
  assertPositiveInteger(fn, 'options.selectionSamples', selectionSamples);
  const setup = await prepareSmoothing(fn, classifier, images, options);
  const { f, sigma, samples, alpha, batchSize, random } = setup;
  const selection = await noisyCounts(fn, f, images, selectionSamples, sigma, batchSize, random);
  const estimation = await noisyCounts(fn, f, images, samples, sigma, batchSize, random, options.onProgress);
  const result: CertifyResult = { predictions: [], radii: [], lowerBounds: [] };
  selection.forEach((row, i) => {
    const [candidate] = topTwo(row);
    const lower = clopperPearsonLower(estimation[i]?.[candidate] ?? 0, samples, alpha);
    result.lowerBounds.push(lower);
    result.predictions.push(lower > 0.5 ? candidate : ABSTAIN);
    result.radii.push(lower > 0.5 ? sigma * normalQuantile(lower) : 0);
  });
  return result;
}

/**
 * Certified accuracy at radius r: the fraction of images whose certified class is the label and
 * whose certified radius is at least r.
 *
 * @example
 * certifiedAccuracy({ predictions: [3, -1], radii: [0.7, 0] }, [3, 1], 0.5); // 0.5
 *
 * In plain words: how many answers are right and provably stay right within distance r.
 */
export function certifiedAccuracy(
  result: Pick<CertifyResult, 'predictions' | 'radii'>,
  labels: readonly number[],
  radius: number,
): number {
  if (labels.length !== result.predictions.length || labels.length === 0)
    throw new ArgumentError('certifiedAccuracy', `expected ${result.predictions.length} labels, got ${labels.length}`);
  const right = labels.filter((label, i) => result.predictions[i] === label && (result.radii[i] as number) >= radius);
  return right.length / labels.length;
}
