import type * as tf from '@tensorflow/tfjs-core';
import { ShapeError, assertDtype, assertRank, describeShape } from '@baihua/core';

/**
 * Throws unless `image` is one float32 RGB image, [H, W, 3] or a batch of one [1, H, W, 3], with
 * H, W >= 1: `encodePng: expected image of shape [H, W, 3] or [1, H, W, 3], got shape [4, 4, 4]`.
 * Returns its height and width. Internal helper of the style subpath.
 *
 * @example
 * const { height, width } = assertRgbImage('encodePng', 'image', image);
 *
 * In plain words: one colour picture, not a stack of them and not an empty one.
 */
export function assertRgbImage(fn: string, argument: string, image: tf.Tensor): { height: number; width: number } {
  assertRank(fn, argument, image, [3, 4]);
  assertDtype(fn, argument, image, 'float32');
  const shape = image.shape;
  const [height, width, channels] = shape.slice(-3) as [number, number, number];
  const batchOk = image.rank === 3 || shape[0] === 1;
  if (!batchOk || channels !== 3 || height < 1 || width < 1)
    throw new ShapeError(
      fn,
      `expected ${argument} of shape [H, W, 3] or [1, H, W, 3] with H, W >= 1, got shape ${describeShape(shape)}`,
    );
  return { height, width };
}

/**
 * Throws unless `images` is a float32 batch of RGB images [B, H, W, 3] (or one image [H, W, 3])
 * with B, H, W >= 1; returns its shape as rank 4 ([1, H, W, 3] for one image), making no tensor.
 * Errors read `styleTransfer: expected content of shape [B, H, W, 3] or [H, W, 3] with B, H, W >= 1,
 * got shape [0,16,16,3]`.
 *
 * @example
 * const shape = rgbBatchShape('styleTransfer', 'content', content); // [1, 16, 16, 3] for [16, 16, 3]
 *
 * In plain words: pictures with three colour channels, at least one of them, none of them empty.
 */
export function rgbBatchShape(fn: string, argument: string, images: tf.Tensor): [number, number, number, number] {
  assertRank(fn, argument, images, [3, 4]);
  assertDtype(fn, argument, images, 'float32');
  const shape = (images.rank === 3 ? [1, ...images.shape] : images.shape) as [number, number, number, number];
  if (shape.some((size) => size < 1) || shape[3] !== 3)
    throw new ShapeError(
      fn,
      `expected ${argument} of shape [B, H, W, 3] or [H, W, 3] with B, H, W >= 1, ` +
        `got shape ${describeShape(images.shape)}`,
    );
  return shape;
}
