import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';
import { type Classifier, classifierLogits, type LogitsFunction, toLogitsFunction } from './classifier.js';
import { type CheckedExplainOptions, checkExplainOptions, type ExplainOptions } from './explain-options.js';
import { imagesInBounds } from './images-in-bounds.js';
import { sliceRows } from './batches.js';

/** What every method needs once its input is checked: the model as a function and the classes to explain. */
export interface ExplainedClasses extends CheckedExplainOptions {
  logitsOf: LogitsFunction;
  /** The explained class of each image. */
  classes: number[];
  /** K, the number of classes. */
  numClasses: number;
}

/**
 * Checks images and options (see {@link checkExplainOptions}), that every pixel is finite and in
 * the bounds, runs the classifier once (checking that it returns logits [N, K]) and resolves the
 * class each image is explained for: `options.classIndex` (one integer, or one per image, each in
 * [0, K)) or the predicted class. Leaves no tensor behind, also when it throws.
 *
 * @example
 * const { logitsOf, classes } = await explainedClasses('saliency', model, images, options, ['signed'], 'logit');
 *
 * In plain words: make sure the question is well posed, and decide which class we ask about.
 */
export async function explainedClasses(
  fn: string,
  classifier: Classifier,
  images: tf.Tensor,
  options: ExplainOptions,
  known: readonly string[],
  defaultOutput: CheckedExplainOptions['output'],
): Promise<ExplainedClasses> {
  const checked = checkExplainOptions(fn, images, options, known, defaultOutput);
  const logitsOf = toLogitsFunction(fn, classifier);
  const { classIndex } = options;
  const n = images.shape[0] as number;
  if (classIndex !== undefined && typeof classIndex !== 'number' && !Array.isArray(classIndex))
    throw new ArgumentError(fn, `expected options.classIndex to be an integer or an array, got ${typeof classIndex}`);
  if (Array.isArray(classIndex) && classIndex.length !== n)
    throw new ArgumentError(
      fn,
      `expected options.classIndex to hold ${n} classes (one per image), got ${classIndex.length}`,
    );
  await imagesInBounds(fn, 'images', images, checked.bounds);
  let numClasses = 0;
  const predicted: number[] = [];
  for (let start = 0; start < n; start += checked.batchSize) {
    const size = Math.min(checked.batchSize, n - start);
    const argmax = tf.tidy(() => {
      const logits = classifierLogits(fn, logitsOf, sliceRows(images, start, size));
      numClasses = logits.shape[1];
      return tf.argMax(logits, 1);
    });
    const values = await argmax.data();
    argmax.dispose();
    predicted.push(...Array.from(values));
  }
  const classes =
    classIndex === undefined
      ? predicted
      : typeof classIndex === 'number'
        ? predicted.map(() => classIndex)
        : [...classIndex];
  classes.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || c >= numClasses) {
      const where = typeof classIndex === 'number' ? '' : `[${i}]`;
      throw new ArgumentError(
        fn,
        `expected options.classIndex${where} to be an integer in [0, ${numClasses - 1}], got ${c}`,
      );
    }
  });
  return { ...checked, logitsOf, classes, numClasses };
}
