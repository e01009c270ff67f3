import * as tf from '@tensorflow/tfjs-core';
import type { Classifier } from './classifier.js';
import type { ExplainOptions } from './explain-options.js';
import { explainedClasses } from './explained-classes.js';
import { classScoreGradient } from './class-scores.js';
import { concatBatches, oneHotRows, sliceRows } from './batches.js';

/**
 * Gradient x input (Shrikumar et al. 2016): A(x) = x * d f_c(x) / d x, elementwise. For a linear
 * score f_c(x) = w . x + b it is exactly w * x, the share of each pixel in the score (bias aside).
 * images [N, ...] -> attributions [N, ...], the caller's to dispose. Defaults: the predicted class,
 * 'logit', bounds [0, 1], batchSize 64.
 *
 * @example
 * const map = await gradientTimesInput(model, images); // [N, 32, 32, 1]
 *
 * In plain words: how sensitive the score is to a pixel, times how much of that pixel there is.
 */
export async function gradientTimesInput(
  classifier: Classifier,
  images: tf.Tensor,
  options: ExplainOptions = {},
): Promise<tf.Tensor> {
  const fn = 'gradientTimesInput';
  const target = await explainedClasses(fn, classifier, images, options, [], 'logit');
  return concatBatches(images.shape[0] as number, target.batchSize, (start, size) =>
    tf.tidy(() => {
      const x = sliceRows(images, start, size);
      const oneHot = oneHotRows(target.classes.slice(start, start + size), target.numClasses);
      return tf.mul(x, classScoreGradient(target.logitsOf, x, oneHot, target.output));
    }),
  );
}
