import * as tf from '@tensorflow/tfjs-core';
import type { Classifier } from './classifier.js';
import type { ExplainOptions } from './explain-options.js';
import { explainedClasses } from './explained-classes.js';
import { classScoreGradient } from './class-scores.js';
import { concatBatches, oneHotRows, sliceRows } from './batches.js';

/** Options of {@link saliency}. */
export interface SaliencyOptions extends ExplainOptions {
  /** Keep the gradient's sign (true) or return its magnitude |grad| (false, the default). */
  signed?: boolean;
}

/**
 * Vanilla gradient saliency (Simonyan et al. 2014): S(x) = |d f_c(x) / d x|, or the signed
 * gradient with `signed: true`, where f_c is the explained class's logit (default) or probability.
 * images [N, ...] in the bounds -> attributions [N, ...], the caller's to dispose.
 * Defaults: the predicted class, 'logit', bounds [0, 1], batchSize 64, signed false.
 *
 * @example
 * const map = await saliency(model, images, { classIndex: 7 }); // [N, 32, 32, 1]
 *
 * In plain words: the pixels where a small change would move the class score the most.
 */
export async function saliency(
  classifier: Classifier,
  images: tf.Tensor,
  options: SaliencyOptions = {},
): Promise<tf.Tensor> {
  const fn = 'saliency';
  const target = await explainedClasses(fn, classifier, images, options, ['signed'], 'logit');
  const signed = options.signed ?? false;
  return concatBatches(images.shape[0] as number, target.batchSize, (start, size) =>
    tf.tidy(() => {
      const oneHot = oneHotRows(target.classes.slice(start, start + size), target.numClasses);
      const g = classScoreGradient(target.logitsOf, sliceRows(images, start, size), oneHot, target.output);
      return signed ? g : tf.abs(g);
    }),
  );
}
