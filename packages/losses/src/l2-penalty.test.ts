import * as tf from '@tensorflow/tfjs-core';
import { checkGradients, describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectCloseThenDispose } from '../test/loss-and-gradients.js';
import { l2Penalty } from './l2-penalty.js';

describeEachBackend('l2Penalty', () => {
  const name =
    'hand-computed lambda/2 sum W^2 over a list; gradient lambda W (the seed: W <- W - lr (grad + lambda W))';
  test(name, async () => {
    const kernel = tf.tensor2d([
      [1, -2],
      [0, 3],
    ]);
    const bias = tf.tensor1d([0.5]);
    await expectCloseThenDispose(l2Penalty([kernel, bias], 0.1), (0.1 / 2) * (1 + 4 + 9 + 0.25));
    await expectCloseThenDispose(l2Penalty(kernel, 2), 14);
    const grads = tf.grads((k: tf.Tensor, b: tf.Tensor) => l2Penalty([k, b], 0.1))([kernel, bias]);
    await expectCloseThenDispose(grads[0] as tf.Tensor, [
      [0.1, -0.2],
      [0, 0.3],
    ]);
    await expectCloseThenDispose(grads[1] as tf.Tensor, [0.05]);
    await checkGradients((k) => l2Penalty(k, 0.7), [kernel]);
    tf.dispose([kernel, bias]);
  });

  test('leaks, bad input', async () => {
    const w = tf.tensor1d([1, 2]);
    await expectNoLeakedTensors(() => tf.grad((x: tf.Tensor) => l2Penalty(x, 0.5))(w));
    expect(() => l2Penalty(w, -0.1)).toThrow(/l2Penalty: expected lambda >= 0, got -0.1/);
    expect(() => l2Penalty([], 0.1)).toThrow(
      /l2Penalty: expected weights to be a tensor or a non-empty array of tensors, got an empty array/,
    );
    expect(() => l2Penalty([w, [1, 2] as never], 0.1)).toThrow(
      /l2Penalty: expected weights\[1\] to be a tf.Tensor, got an array/,
    );
    w.dispose();
  });
});
