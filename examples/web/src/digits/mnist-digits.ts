// The MNIST digits the page trains on: data/mnist-digits.gz.bin, made at build time by
// build/mnist-asset.ts (labels, then 28x28 uint8 pixels, in the seeded order of the Node examples).
import * as tf from '@tensorflow/tfjs-core';
import { lenetSide } from './digit-image.js';

/** The digits of the file: `labels[i]` in 0-9 and `pixels` (count x 784 bytes, row-major 28x28). */
export interface DigitSet {
  count: number;
  labels: Uint8Array;
  pixels: Uint8Array;
}

/** Digits 0 to 7,999 are the training digits of the page's pretrained model; these are held out. */
export const heldOutStart = 8000;
const digitPixels = 28 * 28;

/**
 * Fetches and unpacks the digit file (gzip through the browser's DecompressionStream).
 * @example const set = await fetchDigits(); set.labels[8000] // the first held-out digit's class
 * In plain words: bring the 10,000 practice digits into the page.
 */
export async function fetchDigits(url = `${import.meta.env.BASE_URL}data/mnist-digits.gz.bin`): Promise<DigitSet> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`fetchDigits: cannot fetch ${url} (HTTP ${response.status})`);
  const unpacked = response.body.pipeThrough(new DecompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(unpacked).arrayBuffer());
  const count = bytes.length / (1 + digitPixels);
  if (!Number.isInteger(count)) throw new Error(`fetchDigits: ${url} holds ${bytes.length} bytes, not whole digits`);
  return { count, labels: bytes.subarray(0, count), pixels: bytes.subarray(count) };
}

/**
 * Digit `index` as 28 * 28 values in [0, 1], row-major.
 * @example pad.drawImage(digitValues(set, 8000));
 * In plain words: one digit, ready to show.
 */
export function digitValues(set: DigitSet, index: number): Float32Array {
  const values = new Float32Array(digitPixels);
  const start = index * digitPixels;
  for (let p = 0; p < digitPixels; p++) values[p] = (set.pixels[start + p] as number) / 255;
  return values;
}

/**
 * Digits `start` to `start + count - 1` as LeNet-5's tensors: x [count, 32, 32, 1] (each 28x28
 * digit centred with 2 zero pixels around it) and y [count, 10] one-hot. The caller disposes them.
 * @example const { x, y } = digitTensors(set, 0, 512);
 * In plain words: a stack of digits and their answers, shaped for the network.
 */
export function digitTensors(set: DigitSet, start: number, count: number): { x: tf.Tensor4D; y: tf.Tensor2D } {
  if (start < 0 || count < 1 || start + count > set.count)
    throw new Error(`digitTensors: expected digits within 0..${set.count - 1}, got ${start}..${start + count - 1}`);
  const side = lenetSide;
  const images = new Float32Array(count * side * side);
  for (let k = 0; k < count; k++) {
    const source = (start + k) * digitPixels;
    for (let r = 0; r < 28; r++)
      for (let c = 0; c < 28; c++)
        images[k * side * side + (r + 2) * side + c + 2] = (set.pixels[source + r * 28 + c] as number) / 255;
  }
  const x = tf.tensor4d(images, [count, side, side, 1]);
  const y = tf.tidy(() =>
    tf.oneHot(tf.tensor1d(set.labels.subarray(start, start + count), 'int32'), 10),
  ) as tf.Tensor2D;
  return { x, y };
}
