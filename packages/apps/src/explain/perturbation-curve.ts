import * as tf from '@tensorflow/tfjs-core';
import { assertPositiveInteger, assertSameShape } from '@baihua/core';
import type { Classifier } from './classifier.js';
import type { ExplainOptions } from './explain-options.js';
import { explainedClasses } from './explained-classes.js';
import { imagesInBounds } from './images-in-bounds.js';
import { maskedScores } from './masked-scores.js';
import { checkFill } from './perturbation-options.js';
import { pixelLayout } from './pixel-layout.js';
import { sliceRows } from './batches.js';
import { areaUnderCurve } from './area-under-curve.js';

/** Options of {@link deletionCurve} and {@link insertionCurve}. */
export interface PerturbationCurveOptions extends ExplainOptions {
  /** Points after the start: pixels change in `steps` equal groups. Default 32. */
  steps?: number;
  /** The value of a removed (or not yet inserted) pixel. Default the lower bound. */
  fill?: number;
  /** Called after each image with (done, N). */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link deletionCurve} and {@link insertionCurve} return. */
export interface PerturbationCurve {
  /** The share of pixels changed at each point: 0, 1/steps, ..., 1. */
  fractions: number[];
  /** The explained score (the class probability by default) at each point, per image. */
  curves: number[][];
  /** Area under each image's curve over fractions in [0, 1] (trapezoid). */
  auc: number[];
  /** Mean of the areas. */
  meanAuc: number;
}

const curveKeys = ['steps', 'fill', 'onProgress'];

/**
 * The deletion curve (Petsiuk, Das and Saenko 2018, RISE): pixels are set to `fill` in order of
 * decreasing attribution (a pixel's attribution summed over its channels; ties by position), and
 * the class probability is read after each of `steps` equal groups. A faithful attribution makes it
 * fall fast: lower area is better. images and attributions [N, ...] of the same shape. Defaults:
 * steps 32, fill = low bound, the predicted class, 'probability', bounds [0, 1], batchSize 64.
 *
 * @example
 * const { meanAuc } = await deletionCurve(model, images, saliencyMap); // compare with a random order
 *
 * In plain words: erase the pixels the explanation calls important first, and see how soon the model gives up.
 */
export function deletionCurve(
  classifier: Classifier,
  images: tf.Tensor,
  attributions: tf.Tensor,
  options: PerturbationCurveOptions = {},
): Promise<PerturbationCurve> {
  return perturbationCurve('deletionCurve', false, classifier, images, attributions, options);
}

/**
 * The insertion curve: the same order, starting from an image of `fill` and putting the pixels
 * back most important first; a faithful attribution makes the probability rise fast: higher area
 * is better. Shapes and defaults as {@link deletionCurve}.
 *
 * @example
 * const { meanAuc } = await insertionCurve(model, images, integrated.attributions);
 *
 * In plain words: paint in the important pixels first, and see how soon the model recognises the digit.
 */
export function insertionCurve(
  classifier: Classifier,
  images: tf.Tensor,
  attributions: tf.Tensor,
  options: PerturbationCurveOptions = {},
): Promise<PerturbationCurve> {
  return perturbationCurve('insertionCurve', true, classifier, images, attributions, options);
}

async function perturbationCurve(
  fn: string,
  inserting: boolean,
  classifier: Classifier,
  images: tf.Tensor,
  attributions: tf.Tensor,
  options: PerturbationCurveOptions,
): Promise<PerturbationCurve> {
  const layout = pixelLayout(fn, images);
  assertSameShape(fn, 'images', images, 'attributions', attributions);
  const { steps = 32 } = options;
  assertPositiveInteger(fn, 'options.steps', steps);
  const target = await explainedClasses(fn, classifier, images, options, curveKeys, 'probability');
  const fill = checkFill(fn, options.fill, target.bounds);
  await imagesInBounds(fn, 'attributions', attributions, [-Infinity, Infinity]);
  const perPixel = tf.tidy(() => tf.sum(tf.reshape(attributions, [-1, layout.positions, layout.channels]), 2));
  const relevance = await perPixel.data().finally(() => perPixel.dispose());
  const [n, p] = [images.shape[0] as number, layout.positions];
  const fractions = Array.from({ length: steps + 1 }, (_, k) => k / steps);
  const curves: number[][] = [];
  for (let i = 0; i < n; i++) {
    const order = Array.from({ length: p }, (_, q) => q).sort(
      (a, b) => (relevance[i * p + b] as number) - (relevance[i * p + a] as number) || a - b,
    );
    const masks = new Float32Array((steps + 1) * p).fill(inserting ? 0 : 1);
    fractions.forEach((_, k) => {
      const changed = Math.round((k * p) / steps);
      for (let r = 0; r < changed; r++) masks[k * p + (order[r] as number)] = inserting ? 1 : 0;
    });
    const image = sliceRows(images, i, 1);
    const scoreOptions = { ...target, layout, fill, classIndex: target.classes[i] as number };
    const scores = await maskedScores(target.logitsOf, image, masks, steps + 1, scoreOptions).finally(() =>
      image.dispose(),
    );
    curves.push(Array.from(scores));
    options.onProgress?.(i + 1, n);
  }
  const auc = curves.map((curve) => areaUnderCurve(fractions, curve));
  return { fractions, curves, auc, meanAuc: auc.reduce((a, b) => a + b, 0) / n };
}
