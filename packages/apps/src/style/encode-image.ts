import type * as tf from '@tensorflow/tfjs-core';
import { assertInRange } from '@baihua/core';
import { encode as encodePngBytes } from 'fast-png';
import { encode as encodeJpegBytes } from 'jpeg-js';
import { imageToBytes } from './image-bytes.js';

/**
 * Encodes one RGB image [H, W, 3] (or [1, H, W, 3]) float32 in [0, 1] as an 8-bit RGB PNG file
 * (fast-png, pure JS): each value becomes round(255 clamp(x, 0, 1)), so decoding gives back
 * exactly round(255 x) / 255. Async because the pixels are read with `await data()` (webgpu).
 *
 * @example
 * writeFileSync('result.png', await encodePng(image));
 *
 * In plain words: save the picture losslessly, 256 shades per colour.
 */
export async function encodePng(image: tf.Tensor): Promise<Uint8Array> {
  const { width, height, data } = await imageToBytes('encodePng', image, 3);
  return encodePngBytes({ width, height, data, channels: 3, depth: 8 });
}

/**
 * Encodes one RGB image [H, W, 3] (or [1, H, W, 3]) float32 in [0, 1] as a baseline JPEG file
 * (jpeg-js, pure JS) at `quality` in [1, 100] (default 90). Lossy: at quality 90 a smooth 32x32 ramp
 * comes back within 4.5/255 per value (mean 0.95/255); the tests hold it to 6/255 and 1.5/255.
 *
 * @example
 * writeFileSync('result.jpg', await encodeJpeg(image, 85));
 *
 * In plain words: save the picture small, trading a little accuracy for a much smaller file.
 */
export async function encodeJpeg(image: tf.Tensor, quality = 90): Promise<Uint8Array> {
  assertInRange('encodeJpeg', 'quality', quality, { min: 1, max: 100 });
  const { width, height, data } = await imageToBytes('encodeJpeg', image, 4);
  const encoded = encodeJpegBytes({ width, height, data }, quality).data;
  return new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength);
}
