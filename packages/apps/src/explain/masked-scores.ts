import * as tf from '@tensorflow/tfjs-core';
import type { LogitsFunction } from './classifier.js';
import type { ExplainedOutput } from './explain-options.js';
import { classScores } from './class-scores.js';
import { oneHotRows } from './batches.js';
import type { PixelLayout } from './pixel-layout.js';

/** What {@link maskedScores} needs besides the image and the masks. */
export interface MaskedScoresOptions {
  layout: PixelLayout;
  /** The value a masked pixel gets (every channel). */
  fill: number;
  classIndex: number;
  numClasses: number;
  output: ExplainedOutput;
  batchSize: number;
}

/**
 * The explained score of one image under each of S masks: image [1, ...], masks S x P row-major
 * (P = layout.positions; 1 keeps a position, 0 sets all its channels to `fill`, values between
 * blend) -> S scores f_c(x * m + fill * (1 - m)), in batches of `batchSize`. Reads with
 * `await data()`; leaves no tensor behind.
 *
 * @example
 * const scores = await maskedScores(logitsOf, image, masks, 64, { layout, fill: 0, classIndex: 3, ... });
 *
 * In plain words: show the model the picture with some parts blanked out, many times, and note its answers.
 */
export async function maskedScores(
  logitsOf: LogitsFunction,
  image: tf.Tensor,
  masks: Float32Array,
  count: number,
  options: MaskedScoresOptions,
): Promise<Float64Array> {
  const { layout, fill, batchSize } = options;
  const { positions: p, channels } = layout;
  const scores = new Float64Array(count);
  for (let start = 0; start < count; start += batchSize) {
    const size = Math.min(batchSize, count - start);
    const batch = tf.tidy(() => {
      const keep = tf.tensor3d(masks.subarray(start * p, (start + size) * p), [size, p, 1]);
      const pixels = tf.reshape(image, [1, p, channels]);
      const masked = tf.add(tf.mul(pixels, keep), tf.mul(tf.sub(1, keep), fill));
      const logits = logitsOf(tf.reshape(masked, [size, ...image.shape.slice(1)]));
      const oneHot = oneHotRows(new Array<number>(size).fill(options.classIndex), options.numClasses);
      return classScores(logits, oneHot, options.output);
    });
    const values = await batch.data().finally(() => batch.dispose());
    scores.set(values, start);
  }
  return scores;
}
