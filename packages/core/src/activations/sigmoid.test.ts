import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { sigmoid } from './sigmoid.js';
import { expectFiniteAtExtremes, expectMatchesTorchCase, normalFloats, readAndDispose } from '../../test/torch-case.js';

describeEachBackend('sigmoid', () => {
  test('matches PyTorch: values and gradient', async () => {
    await expectMatchesTorchCase('sigmoid', sigmoid);
  });

  test('+/-1e4: exactly 0 and 1, gradient 0, never NaN', async () => {
    await expectFiniteAtExtremes(sigmoid);
    const x = tf.tensor([-1e4, 1e4]);
    const y = sigmoid(x);
    const dx = tf.grad((t: tf.Tensor) => tf.sum(sigmoid(t)))(x);
    await expectTensorsClose(y, [0, 1], { atol: 0, rtol: 0 });
    await expectTensorsClose(dx, [0, 0], { atol: 0, rtol: 0 });
    tf.dispose([x, y, dx]);
  });

  test('property: output in [0, 1] and sigma(-x) = 1 - sigma(x)', async () => {
    await fc.assert(
      fc.asyncProperty(normalFloats(-60, 60, 8), async (values) => {
        const x = tf.tensor(values);
        const negated = tf.neg(x);
        const y = await readAndDispose(sigmoid(x));
        const yNegated = await readAndDispose(sigmoid(negated));
        tf.dispose([x, negated]);
        expect(y.every((v) => v >= 0 && v <= 1)).toBe(true);
        y.forEach((v, i) => expect(Math.abs(v + (yNegated[i] as number) - 1)).toBeLessThan(1e-6));
      }),
      { numRuns: 20, seed: 11 },
    );
  });

  test('bad input: a clear error before any tensor is made', () => {
    expect(() => sigmoid([1, 2] as unknown as tf.Tensor)).toThrow(
      /^sigmoid: expected x to be a tf\.Tensor, got an array$/,
    );
    const ints = tf.tensor([1, 2], [2], 'int32');
    expect(() => sigmoid(ints)).toThrow(/^sigmoid: expected x of dtype float32, got int32$/);
    ints.dispose();
  });

  test('leaves no tensors behind, gradient included', async () => {
    const x = tf.tensor([-1, 0, 1]);
    await expectNoLeakedTensors(() => [sigmoid(x), tf.grad((t: tf.Tensor) => tf.sum(sigmoid(t)))(x)]);
    x.dispose();
  });
});
