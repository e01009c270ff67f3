import * as tf from '@tensorflow/tfjs-core';
import { assertRgbImage } from './image-checks.js';

/** Raw 8-bit pixels, row-major, `channels` bytes per pixel. */
export interface PixelBytes {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * One RGB image [H, W, 3] (or [1, H, W, 3]) float32 in [0, 1] to 8-bit pixels:
 * byte = round(255 clamp(x, 0, 1)), with an opaque alpha byte (255) appended when `channels` is 4.
 * Reads the tensor with `await data()` (webgpu-safe); leaves no tensor behind.
 *
 * @example
 * const { width, height, data } = await imageToBytes('encodePng', image, 4); // RGBA bytes
 *
 * In plain words: turn the network's numbers back into the bytes a picture file holds.
 */
export async function imageToBytes(fn: string, image: tf.Tensor, channels: 3 | 4): Promise<PixelBytes> {
  const { height, width } = assertRgbImage(fn, 'image', image);
  const values = await image.data();
  const data = new Uint8Array(height * width * channels);
  for (let pixel = 0; pixel < height * width; pixel++) {
    for (let c = 0; c < 3; c++) {
      const x = values[pixel * 3 + c] as number;
      data[pixel * channels + c] = Number.isNaN(x) ? 0 : Math.round(255 * Math.min(1, Math.max(0, x)));
    }
    if (channels === 4) data[pixel * channels + 3] = 255;
  }
  return { width, height, data };
}

/**
 * Interleaved pixels with 1 (grey), 2 (grey + alpha), 3 (RGB) or 4 (RGBA) channels of integers in
 * [0, maxValue] to an RGB image [H, W, 3] float32 in [0, 1]: value / maxValue, grey copied to all
 * three channels, alpha dropped (not composited).
 *
 * @example
 * bytesToImage(new Uint8Array([255, 0, 0, 255]), 1, 1, 4, 255); // [[[1, 0, 0]]]
 *
 * In plain words: any common pixel layout in, plain colour numbers between 0 and 1 out.
 */
export function bytesToImage(
  data: ArrayLike<number>,
  width: number,
  height: number,
  channels: number,
  maxValue: number,
): tf.Tensor3D {
  const rgb = new Float32Array(height * width * 3);
  const colour = channels >= 3;
  for (let pixel = 0; pixel < height * width; pixel++)
    for (let c = 0; c < 3; c++) rgb[pixel * 3 + c] = (data[pixel * channels + (colour ? c : 0)] as number) / maxValue;
  return tf.tensor3d(rgb, [height, width, 3]);
}
