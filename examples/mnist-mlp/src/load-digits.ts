import type * as tf from '@tensorflow/tfjs-core';
import { loadDigits as loadMnistDigits, toTensors as splitTensors, type DigitSplit } from '@baihua/example-mnist-data';

export type { DigitSplit };

/** A seeded, disjoint split of the real digits, 28x28 each (see @baihua/example-mnist-data). */
export function loadDigits(options: { train: number; test: number; seed: number }): {
  train: DigitSplit;
  test: DigitSplit;
} {
  return loadMnistDigits(options);
}

/** A split as tensors: x [N, 784] float32, y [N, 10] one-hot. The caller disposes them. */
export function toTensors(split: DigitSplit): { x: tf.Tensor; y: tf.Tensor } {
  return splitTensors(split, 'flat');
}
