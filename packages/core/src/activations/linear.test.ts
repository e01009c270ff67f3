import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expect, test } from 'vitest';
import { linear } from './linear.js';

describeEachBackend('linear', () => {
  test('identity with gradient 1; the output is a new tensor', async () => {
    const x = tf.tensor([-1e4, -2, 0, 3.5, 1e4]);
    const y = linear(x);
    const dx = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(linear(t), tf.scalar(3))))(x);
    expect(y).not.toBe(x);
    await expectTensorsClose(y, [-1e4, -2, 0, 3.5, 1e4], { atol: 0, rtol: 0 });
    await expectTensorsClose(dx, [3, 3, 3, 3, 3], { atol: 0, rtol: 0 });
    y.dispose();
    expect(x.isDisposed).toBe(false);
    tf.dispose([x, dx]);
  });

  test('bad input and no leaks', async () => {
    expect(() => linear([] as unknown as tf.Tensor)).toThrow(/^linear: expected x to be a tf\.Tensor, got an array$/);
    const x = tf.tensor([1, 2]);
    await expectNoLeakedTensors(() => linear(x));
    x.dispose();
  });
});
