import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { tanh } from './tanh.js';
import { expectFiniteAtExtremes, expectMatchesTorchCase, normalFloats, readAndDispose } from '../../test/torch-case.js';

describeEachBackend('tanh', () => {
  test('matches PyTorch: values and gradient', async () => {
    await expectMatchesTorchCase('tanh', tanh);
  });

  test('+/-1e4: exactly -1 and 1, gradient 0, never NaN', async () => {
    await expectFiniteAtExtremes(tanh);
    const x = tf.tensor([-1e4, 1e4]);
    const y = tanh(x);
    const dx = tf.grad((t: tf.Tensor) => tf.sum(tanh(t)))(x);
    await expectTensorsClose(y, [-1, 1], { atol: 0, rtol: 0 });
    await expectTensorsClose(dx, [0, 0], { atol: 0, rtol: 0 });
    tf.dispose([x, y, dx]);
  });

  test('property: output in [-1, 1], odd, and tanh(x) = 2 sigma(2x) - 1', async () => {
    await fc.assert(
      fc.asyncProperty(normalFloats(-30, 30, 8), async (values) => {
        const x = tf.tensor(values);
        const y = await readAndDispose(tanh(x));
        const yNegated = await readAndDispose(tf.tidy(() => tanh(tf.neg(x))));
        const viaSigmoid = await readAndDispose(tf.tidy(() => tf.sub(tf.mul(2, tf.sigmoid(tf.mul(2, x))), 1)));
        x.dispose();
        expect(y.every((v) => v >= -1 && v <= 1)).toBe(true);
        y.forEach((v, i) => {
          expect(Math.abs(v + (yNegated[i] as number))).toBeLessThan(1e-6);
          expect(Math.abs(v - (viaSigmoid[i] as number))).toBeLessThan(1e-5);
        });
      }),
      { numRuns: 20, seed: 12 },
    );
  });

  test('bad input: a clear error', () => {
    expect(() => tanh(undefined as unknown as tf.Tensor)).toThrow(
      /^tanh: expected x to be a tf\.Tensor, got undefined$/,
    );
  });

  test('leaves no tensors behind, gradient included', async () => {
    const x = tf.tensor([-1, 0, 1]);
    await expectNoLeakedTensors(() => [tanh(x), tf.grad((t: tf.Tensor) => tf.sum(tanh(t)))(x)]);
    x.dispose();
  });
});
