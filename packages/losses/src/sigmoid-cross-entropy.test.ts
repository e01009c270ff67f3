import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import {
  expectCloseThenDispose,
  expectFiniteLossAndGradients,
  expectLossAndGradients,
  readScalar,
} from '../test/loss-and-gradients.js';
import { sigmoidCrossEntropy } from './sigmoid-cross-entropy.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

describeEachBackend('sigmoidCrossEntropy', () => {
  test('matches PyTorch: sigmoidCrossEntropy_mean', async () => {
    const c = loadTorchFixture('losses', 'sigmoidCrossEntropy_mean');
    const targets = c.tensor('targets');
    const logits = c.tensor('logits');
    await expectLossAndGradients((z) => sigmoidCrossEntropy(targets, z), [logits], {
      value: c.number('loss'),
      gradients: [c.spec('dlogits')],
    });
    tf.dispose([targets, logits]);
  });

  test("label smoothing t' = t (1 - eps) + eps / 2, and the gradient s(z) - t' (also at z = 0)", async () => {
    const targets = tf.tensor1d([1, 0, 1]);
    const logits = tf.tensor1d([0, 2, -3]);
    const smoothed = [0.95, 0.05, 0.95];
    const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
    const expected = [0, 2, -3].map(
      (z, i) =>
        -((smoothed[i] as number) * Math.log(sigmoid(z)) + (1 - (smoothed[i] as number)) * Math.log(1 - sigmoid(z))),
    );
    await expectLossAndGradients(
      (z) => sigmoidCrossEntropy(targets, z, { labelSmoothing: 0.1, reduction: 'sum' }),
      [logits],
      {
        value: expected.reduce((a, b) => a + b),
        gradients: [[0, 2, -3].map((z, i) => sigmoid(z) - (smoothed[i] as number))],
      },
    );
    tf.dispose([targets, logits]);
  });

  test("'none' is element-wise; int32 and bool targets work", async () => {
    const logits = tf.tensor2d([[0, 0]]);
    const ints = tf.tensor2d([[1, 0]], [1, 2], 'int32');
    await expectCloseThenDispose(sigmoidCrossEntropy(ints, logits, { reduction: 'none' }), [[Math.LN2, Math.LN2]]);
    tf.dispose([logits, ints]);
  });

  test('property: losses >= 0 and smoothing 0 equals the plain loss', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.float({ min: -30, max: 30, noNaN: true }), { minLength: 4, maxLength: 4 }),
        async (values) => {
          const logits = tf.tensor1d(values);
          const targets = tf.tensor1d([1, 0, 0.5, 1]);
          const plain = await readScalar(sigmoidCrossEntropy(targets, logits));
          expect(plain).toBeGreaterThanOrEqual(0);
          expect(await readScalar(sigmoidCrossEntropy(targets, logits, { labelSmoothing: 0 }))).toBe(plain);
          tf.dispose([logits, targets]);
        },
      ),
      { numRuns: 5 },
    );
  });

  test('logits of +/-1e4: finite value and gradient; no leaks; bad input', async () => {
    const logits = tf.tensor1d([1e4, -1e4, 1e4, -1e4]);
    const targets = tf.tensor1d([1, 0, 0, 1]);
    expect(
      await expectFiniteLossAndGradients((z) => sigmoidCrossEntropy(targets, z, { labelSmoothing: 0.2 }), [logits]),
    ).toBeGreaterThan(1e3);
    await expectNoLeakedTensors(() => tf.grad((z: tf.Tensor) => sigmoidCrossEntropy(targets, z))(logits));
    const short = tf.tensor1d([1, 0]);
    expect(() => sigmoidCrossEntropy(short, logits)).toThrow(
      /sigmoidCrossEntropy: expected targets and logits to have the same shape, got \[2\] and \[4\]/,
    );
    expect(() => sigmoidCrossEntropy(targets, logits, { labelSmoothing: 1.5 })).toThrow(
      /expected labelSmoothing in \[0, 1\), got 1.5/,
    );
    tf.dispose([logits, targets, short]);
  });
});
