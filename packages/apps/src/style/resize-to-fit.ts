import * as tf from '@tensorflow/tfjs-core';
import { assertPositiveInteger } from '@baihua/core';
import { assertRgbImage } from './image-checks.js';

/**
 * Shrinks one RGB image [H, W, 3] (or [1, H, W, 3]) so that its longer side is `maxSide` pixels,
 * keeping the aspect ratio (the shorter side rounds to the nearest pixel, at least 1): first an
 * average over k x k blocks, k = floor(max(H, W) / maxSide), so that no pixel is skipped (no
 * aliasing), then bilinear resampling (half-pixel centres) to the exact size. An image already
 * small enough comes back unchanged (a copy). Same rank out as in.
 *
 * @example
 * const small = resizeToFit(decodeImage(bytes), 128); // 1920x1280 -> [85, 128, 3]
 *
 * In plain words: make a photo small without the jagged moiré of simply dropping pixels.
 */
export function resizeToFit(image: tf.Tensor, maxSide: number): tf.Tensor {
  const { height, width } = assertRgbImage('resizeToFit', 'image', image);
  assertPositiveInteger('resizeToFit', 'maxSide', maxSide);
  const longer = Math.max(height, width);
  if (longer <= maxSide) return tf.clone(image);
  const scale = maxSide / longer;
  const size: [number, number] = [Math.max(1, Math.round(height * scale)), Math.max(1, Math.round(width * scale))];
  const block = Math.floor(longer / maxSide);
  return tf.tidy(() => {
    let batch = tf.reshape(image, [1, height, width, 3]) as tf.Tensor4D;
    if (block > 1 && Math.min(height, width) >= block) batch = tf.avgPool(batch, block, block, 'valid');
    const resized = tf.image.resizeBilinear(batch, size, false, true);
    return image.rank === 3 ? tf.reshape(resized, [...size, 3]) : resized;
  });
}
