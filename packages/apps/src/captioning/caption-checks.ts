import { ArgumentError, ShapeError, assertTensor, describeShape } from '@baihua/core';
import type * as tf from '@tensorflow/tfjs-core';
import type { CaptionEncoder } from './caption-encoder.js';

/**
 * Refuses anything but float images [B >= 1, H, W, 3] whose sides the encoder can pool down
 * (divisible by 2^blocks): `fn: expected images of shape [B, H, W, 3] ..., got [..]`.
 */
export function checkCaptionImages(
  fn: string,
  images: unknown,
  encoder: CaptionEncoder,
): asserts images is tf.Tensor4D {
  assertTensor(fn, 'images', images);
  const step = 2 ** encoder.filters.length;
  const [batch, height, width, channels] = images.shape;
  if (images.rank !== 4 || channels !== 3 || (height as number) % step !== 0 || (width as number) % step !== 0) {
    throw new ShapeError(
      fn,
      `expected images of shape [B, H, W, 3] with H and W divisible by ${step}, got ${describeShape(images.shape)}`,
    );
  }
  if (batch === 0) throw new ArgumentError(fn, 'expected images with at least one image, got an empty batch');
  if (images.dtype !== 'float32') throw new ArgumentError(fn, `expected images of dtype float32, got ${images.dtype}`);
}
