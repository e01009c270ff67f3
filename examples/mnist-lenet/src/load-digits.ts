import type * as tf from '@tensorflow/tfjs-core';
import { loadDigits as loadMnistDigits, toTensors as splitTensors, type DigitSplit } from '@baihua/example-mnist-data';

export type { DigitSplit };

/** Side of LeNet's input: 28x28 digits with 2 zero pixels on every side. */
export const side = 32;

/** A seeded, disjoint split of the real digits, each centred in a 32x32 frame (see @baihua/example-mnist-data). */
export function loadDigits(options: { train: number; test: number; seed: number }): {
  train: DigitSplit;
  test: DigitSplit;
} {
  return loadMnistDigits({ ...options, padding: (side - 28) / 2 });
}

/** A split as tensors: x [N, 32, 32, 1] float32, y [N, 10] one-hot. The caller disposes them. */
export function toTensors(split: DigitSplit): { x: tf.Tensor; y: tf.Tensor } {
  return splitTensors(split, 'image');
}
