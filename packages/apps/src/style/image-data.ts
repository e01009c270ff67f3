import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';
import { bytesToImage, imageToBytes } from './image-bytes.js';

/** What a canvas gives and takes: `ImageData`, or any object of the same shape (RGBA bytes). */
export interface ImageDataLike {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * A canvas's pixels (`ctx.getImageData(...)`, RGBA bytes) to an RGB image [H, W, 3] float32 in
 * [0, 1]; alpha is dropped. Works on any `{ width, height, data }` object, so it needs no DOM.
 *
 * @example
 * const image = imageDataToTensor(canvas.getContext('2d').getImageData(0, 0, w, h));
 *
 * In plain words: what the browser shows, as numbers the network can use.
 */
export function imageDataToTensor(imageData: ImageDataLike): tf.Tensor3D {
  const { width, height, data } = (imageData ?? {}) as { width?: unknown; height?: unknown; data?: unknown };
  const sizesOk =
    Number.isInteger(width) && Number.isInteger(height) && (width as number) > 0 && (height as number) > 0;
  if (!sizesOk || !(data instanceof Uint8ClampedArray || data instanceof Uint8Array))
    throw new ArgumentError(
      'imageDataToTensor',
      `expected imageData to be { width, height, data: Uint8ClampedArray } with width, height >= 1, ` +
        `got width ${String(width)}, height ${String(height)}, data ${describeData(data)}`,
    );
  const expected = (width as number) * (height as number) * 4;
  if (data.length !== expected)
    throw new ArgumentError(
      'imageDataToTensor',
      `expected imageData.data of ${expected} bytes (width x height x 4, RGBA), got ${data.length}`,
    );
  return bytesToImage(data, width as number, height as number, 4, 255);
}

/**
 * One RGB image [H, W, 3] (or [1, H, W, 3]) float32 in [0, 1] to RGBA pixels for
 * `ctx.putImageData`: a real `ImageData` where the global exists (browsers, workers), otherwise a
 * plain `{ width, height, data }`; alpha is 255. Async: reads with `await data()` (webgpu-safe).
 *
 * @example
 * ctx.putImageData(await tensorToImageData(result.image), 0, 0);
 *
 * In plain words: the network's picture, ready to draw on a canvas.
 */
export async function tensorToImageData(image: tf.Tensor): Promise<ImageDataLike> {
  const { width, height, data } = await imageToBytes('tensorToImageData', image, 4);
  const clamped = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
  const ImageDataClass = (
    globalThis as { ImageData?: new (d: Uint8ClampedArray, w: number, h: number) => ImageDataLike }
  ).ImageData;
  return ImageDataClass === undefined ? { width, height, data: clamped } : new ImageDataClass(clamped, width, height);
}

function describeData(data: unknown): string {
  if (data === null || typeof data !== 'object') return data === null ? 'null' : typeof data;
  return data.constructor?.name ?? 'an object';
}
