import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';

/**
 * Throws unless every value of `images` is finite and inside `bounds` (inclusive):
 * `fn: expected images to be finite, got 3 non-finite values` or
 * `fn: expected images in the bounds [0, 1], got values in [-0.2, 1]`. Reads three numbers with
 * `await data()` (webgpu-safe) and leaves no tensor behind.
 *
 * @example
 * await imagesInBounds('saliency', 'images', images, [0, 1]);
 *
 * In plain words: a picture with holes in it, or pixels brighter than white, is refused.
 */
export async function imagesInBounds(
  fn: string,
  argument: string,
  images: tf.Tensor,
  bounds: readonly [number, number],
): Promise<void> {
  const summary = tf.tidy(() => {
    const finite = tf.isFinite(images);
    const nonFinite = tf.sum(tf.cast(tf.logicalNot(finite), 'float32'));
    const clean = tf.where(finite, images, tf.zerosLike(images));
    return tf.stack([nonFinite, tf.min(clean), tf.max(clean)]);
  });
  const [nonFinite, low, high] = Array.from(await summary.data());
  summary.dispose();
  if ((nonFinite as number) > 0)
    throw new ArgumentError(fn, `expected ${argument} to be finite, got ${nonFinite} non-finite values`);
  if ((low as number) < bounds[0] || (high as number) > bounds[1])
    throw new ArgumentError(
      fn,
      `expected ${argument} in the bounds [${bounds[0]}, ${bounds[1]}], got values in [${low}, ${high}]`,
    );
}
