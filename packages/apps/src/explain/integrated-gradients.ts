import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertOneOf, assertPositiveInteger } from '@baihua/core';
import { imagesInBounds } from './images-in-bounds.js';
import type { Classifier } from './classifier.js';
import type { ExplainOptions } from './explain-options.js';
import { explainedClasses } from './explained-classes.js';
import { classScoreGradient, classScores } from './class-scores.js';
import { oneHotRows, sliceRows } from './batches.js';
import { checkBaseline, pathPoints, type RiemannRule } from './integration-path.js';

/** Options of {@link integratedGradients}. */
export interface IntegratedGradientsOptions extends ExplainOptions {
  /** x' : a number for every pixel, or a tensor of one image's shape or of the images' shape. Default 0. */
  baseline?: number | tf.Tensor;
  /** m, the number of Riemann steps, >= 1. Default 50. */
  steps?: number;
  /** 'trapezoid' (alpha = k/m, k = 0..m, ends halved) or 'midpoint' (alpha = (k + 1/2)/m). Default 'trapezoid'. */
  rule?: RiemannRule;
  /** Called after each step of each batch with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link integratedGradients} returns. */
export interface IntegratedGradientsResult {
  /** [N, ...] like the images, the caller's to dispose. */
  attributions: tf.Tensor;
  /** Sum of each image's attributions. */
  attributionSums: number[];
  /** f_c(x) - f_c(x') per image: what the attributions should add up to. */
  outputDifferences: number[];
  /** |sum of attributions - (f_c(x) - f_c(x'))| per image. */
  completenessErrors: number[];
  /** sum of completenessErrors / sum of |outputDifferences|: the error as a share of the explained change. */
  relativeCompletenessError: number;
}

/**
 * Integrated gradients (Sundararajan et al. 2017): IG_i(x) = (x_i - x'_i) * integral_0^1
 * d f_c(x' + a (x - x')) / d x_i da, the integral by an m-step Riemann sum (trapezoid or midpoint).
 * Completeness says sum_i IG_i = f_c(x) - f_c(x'); the result reports how far the sum is from it.
 * images [N, ...] -> attributions [N, ...]. Defaults: baseline 0, steps 50, 'trapezoid', the
 * predicted class, 'logit', bounds [0, 1], batchSize 64.
 *
 * @example
 * const { attributions, relativeCompletenessError } = await integratedGradients(model, images, { steps: 64 });
 *
 * In plain words: walk from a blank image to the real one, adding up pixel by pixel how much each step
 * raised the score.
 */
export async function integratedGradients(
  classifier: Classifier,
  images: tf.Tensor,
  options: IntegratedGradientsOptions = {},
): Promise<IntegratedGradientsResult> {
  const fn = 'integratedGradients';
  const { baseline = 0, steps = 50, rule = 'trapezoid' } = options;
  assertPositiveInteger(fn, 'options.steps', steps);
  assertOneOf(fn, 'options.rule', rule, ['trapezoid', 'midpoint']);
  checkBaseline(fn, baseline, images);
  const known = ['baseline', 'steps', 'rule', 'onProgress'];
  const target = await explainedClasses(fn, classifier, images, options, known, 'logit');
  if (typeof baseline === 'number' && (baseline < target.bounds[0] || baseline > target.bounds[1]))
    throw new ArgumentError(
      fn,
      `expected options.baseline in the bounds [${target.bounds.join(', ')}], got ${baseline}`,
    );
  if (typeof baseline !== 'number') await imagesInBounds(fn, 'options.baseline', baseline, target.bounds);
  const n = images.shape[0] as number;
  const points = pathPoints(steps, rule);
  const total = Math.ceil(n / target.batchSize) * points.length;
  let done = 0;
  const parts: tf.Tensor[] = [];
  const attributionSums: number[] = [];
  const outputDifferences: number[] = [];
  try {
    for (let start = 0; start < n; start += target.batchSize) {
      const size = Math.min(target.batchSize, n - start);
      const [attributions, sums, differences] = tf.tidy(() => {
        const x = sliceRows(images, start, size);
        const from = batchBaseline(baseline, x, start);
        const oneHot = oneHotRows(target.classes.slice(start, start + size), target.numClasses);
        let integral = tf.zerosLike(x);
        for (const { alpha, weight } of points) {
          const next = tf.tidy(() => {
            const along = tf.add(from, tf.mul(tf.sub(x, from), alpha));
            return tf.add(integral, tf.mul(classScoreGradient(target.logitsOf, along, oneHot, target.output), weight));
          });
          integral.dispose();
          integral = next;
          options.onProgress?.(++done, total);
        }
        const attributions = tf.mul(tf.sub(x, from), integral);
        const scoreOf = (z: tf.Tensor) => classScores(target.logitsOf(z), oneHot, target.output);
        const sums = tf.sum(tf.reshape(attributions, [size, -1]), 1);
        return [attributions, sums, tf.sub(scoreOf(x), scoreOf(from))] as const;
      });
      parts.push(attributions);
      const [sumValues, differenceValues] = await Promise.all([sums.data(), differences.data()]).finally(() =>
        tf.dispose([sums, differences]),
      );
      attributionSums.push(...Array.from(sumValues as Float32Array));
      outputDifferences.push(...Array.from(differenceValues as Float32Array));
    }
    const completenessErrors = attributionSums.map((sum, i) => Math.abs(sum - (outputDifferences[i] as number)));
    const change = outputDifferences.reduce((a, d) => a + Math.abs(d), 0);
    const error = completenessErrors.reduce((a, e) => a + e, 0);
    const attributions = parts.length === 1 ? (parts.pop() as tf.Tensor) : tf.concat(parts, 0);
    return {
      attributions,
      attributionSums,
      outputDifferences,
      completenessErrors,
      relativeCompletenessError: change === 0 ? error : error / change,
    };
  } finally {
    tf.dispose(parts);
  }
}

/** The baseline for rows [start, start + x's rows) as a tensor of x's shape. */
function batchBaseline(baseline: number | tf.Tensor, x: tf.Tensor, start: number): tf.Tensor {
  if (typeof baseline === 'number') return tf.fill(x.shape, baseline);
  if (baseline.rank === x.rank) return sliceRows(baseline, start, x.shape[0] as number);
  return tf.add(tf.zerosLike(x), baseline);
}
