import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';
import type { DigitSplit } from '@baihua/example-mnist-data';

/** The two shared MNIST classifiers: LeNet-5 (input [N, 32, 32, 1]) and the 784-256-128-10 MLP ([N, 784]). */
export type MnistClassifierKind = 'lenet' | 'mlp';

/** Input shape of one digit for each kind (without the batch axis). */
export const classifierInputShape: Record<MnistClassifierKind, readonly number[]> = {
  lenet: [32, 32, 1],
  mlp: [784],
};

/**
 * The first `count` digits of `split` as the model of `kind` takes them: x [count, 32, 32, 1] for
 * LeNet-5 (the split must be 32x32: padding 2) or [count, 784] for the MLP (28x28), pixels in
 * [0, 1]; y [count, 10] one-hot float32. The caller disposes both.
 * @example const { x, y } = classifierInput('mlp', split, 100);
 * In plain words: cut the first few digits out of the pile and shape them for the chosen reader.
 */
export function classifierInput(
  kind: MnistClassifierKind,
  split: DigitSplit,
  count = split.count,
): { x: tf.Tensor; y: tf.Tensor } {
  const side = kind === 'lenet' ? 32 : 28;
  if (split.side !== side)
    throw new ArgumentError(
      'classifierInput',
      `expected a split of ${side}x${side} digits for '${kind}', got ${split.side}x${split.side}`,
    );
  if (!Number.isInteger(count) || count < 1 || count > split.count)
    throw new ArgumentError(
      'classifierInput',
      `expected count to be an integer in [1, ${split.count}], got ${String(count)}`,
    );
  const pixels = split.images.subarray(0, count * side * side);
  const x = tf.tensor(pixels, [count, ...(classifierInputShape[kind] as number[])], 'float32');
  const y = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(split.labels.subarray(0, count), 'int32'), 10), 'float32'));
  return { x, y };
}
