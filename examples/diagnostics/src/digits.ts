import type * as tf from '@tensorflow/tfjs-core';
import { loadDigits, toTensors } from '@baihua/example-mnist-data';

/** Real MNIST digits as tensors: x [N, 784] in [0, 1], y [N, 10] one-hot. The caller disposes them. */
export interface DigitTensors {
  x: tf.Tensor;
  y: tf.Tensor;
}

/** `count` real digits drawn with a seeded generator. */
export function digits(count: number, seed: number): DigitTensors {
  return toTensors(loadDigits({ train: count, test: 0, seed }).train, 'flat');
}

/** A seeded, disjoint train/validation split of the `mnist` package's real digits. */
export function digitSplit(
  train: number,
  validation: number,
  seed: number,
): { train: DigitTensors; validation: DigitTensors } {
  const split = loadDigits({ train, test: validation, seed });
  return { train: toTensors(split.train, 'flat'), validation: toTensors(split.test, 'flat') };
}

/**
 * Digits with every class but `majority` kept at 1 in `factor` (the "9 of 10 classes
 * downsampled 20x"): `perMajority` digits of the majority class and round(perMajority / factor) of
 * each other class, drawn from a seeded split, in the split's (shuffled) order.
 *
 * @example imbalancedDigits({ majority: 1, perMajority: 600, factor: 20, seed: 15 }).counts; // [30, 600, 30, ...]
 * In plain words: a class of ones and nine classes of rare digits.
 */
export function imbalancedDigits(options: { majority: number; perMajority: number; factor: number; seed: number }): {
  tensors: DigitTensors;
  counts: number[];
} {
  const { majority, perMajority, factor, seed } = options;
  const perMinority = Math.round(perMajority / factor);
  const { train } = loadDigits({ train: 9000, test: 0, seed });
  const counts = new Array<number>(10).fill(0);
  const keep: number[] = [];
  for (let i = 0; i < train.count; i++) {
    const label = train.labels[i] as number;
    const limit = label === majority ? perMajority : perMinority;
    if ((counts[label] as number) < limit) {
      counts[label] = (counts[label] as number) + 1;
      keep.push(i);
    }
  }
  const images = new Float32Array(keep.length * 784);
  const labels = new Int32Array(keep.length);
  keep.forEach((from, k) => {
    images.set(train.images.subarray(from * 784, (from + 1) * 784), k * 784);
    labels[k] = train.labels[from] as number;
  });
  return { tensors: toTensors({ images, labels, count: keep.length, side: 28 }, 'flat'), counts };
}
