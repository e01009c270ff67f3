import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend } from './describe-each-backend.js';
import { expectTensorsClose } from './expect-tensors-close.js';

describeEachBackend('expectTensorsClose', () => {
  test('passes within atol + rtol * max|e|', async () => {
    const actual = tf.tensor([1, 2, 3.0002]);
    await expectTensorsClose(actual, [1, 2, 3], { rtol: 1e-4, atol: 0 });
    actual.dispose();
  });

  test('fails beyond the tolerance and names the worst element', async () => {
    const actual = tf.tensor([
      [1, 2],
      [3, 4.01],
    ]);
    await expect(
      expectTensorsClose(actual, [
        [1, 2],
        [3, 4],
      ]),
    ).rejects.toThrow(/worst at \[1,1\]: actual 4\.01.*expected 4/);
    actual.dispose();
  });

  test('fails on a shape mismatch even when values agree', async () => {
    const actual = tf.tensor([1, 2, 3, 4], [4]);
    await expect(
      expectTensorsClose(actual, [
        [1, 2],
        [3, 4],
      ]),
    ).rejects.toThrow(/expected shape \[2,2\], got \[4\]/);
    actual.dispose();
  });

  test('fails when actual is NaN and expected is not', async () => {
    const actual = tf.tensor([1, Number.NaN]);
    await expect(expectTensorsClose(actual, [1, 2])).rejects.toThrow(/exceeds/);
    actual.dispose();
  });

  test('a tiny expected value is covered by atol (softmax(-50) flushed to zero)', async () => {
    const actual = tf.tensor([0, 1]);
    await expectTensorsClose(actual, [3.7e-44, 1]);
    actual.dispose();
  });
});
