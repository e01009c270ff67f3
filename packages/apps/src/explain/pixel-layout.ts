import type * as tf from '@tensorflow/tfjs-core';
import { ShapeError, assertTensor, describeShape } from '@baihua/core';

/** Where the pixels of one image are: height x width positions, each with `channels` values. */
export interface PixelLayout {
  height: number;
  width: number;
  channels: number;
  /** height * width. */
  positions: number;
}

/**
 * The pixel layout of images [N, H, W, C] (channels last), [N, H, W] (one channel) or [N, D]
 * (one row of D features): what the perturbation methods mask, position by position, all channels
 * of a position together. Other ranks throw a ShapeError naming `fn`.
 *
 * @example
 * pixelLayout('occlusion', tf.zeros([5, 32, 32, 1])); // { height: 32, width: 32, channels: 1, positions: 1024 }
 *
 * In plain words: how to find pixel (row, column) in an image.
 */
export function pixelLayout(fn: string, images: tf.Tensor): PixelLayout {
  assertTensor(fn, 'images', images);
  const [, a = 1, b, c = 1] = images.shape;
  if (images.rank < 2 || images.rank > 4)
    throw new ShapeError(
      fn,
      `expected images [N, H, W, C], [N, H, W] or [N, D], got shape ${describeShape(images.shape)}`,
    );
  const [height, width] = b === undefined ? [1, a] : [a, b];
  return { height, width, channels: c, positions: height * width };
}
