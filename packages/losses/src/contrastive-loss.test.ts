import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { checkGradients, describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectCloseThenDispose, expectFiniteLossAndGradients, readScalar } from '../test/loss-and-gradients.js';
import { contrastiveLoss } from './contrastive-loss.js';

describeEachBackend('contrastiveLoss', () => {
  test('hand-computed DeepID2 pairs: same 1/2 d^2, different 1/2 max(0, m - d)^2', async () => {
    const first = tf.tensor2d([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    const second = tf.tensor2d([
      [0.3, 0.4],
      [0.3, 0.4],
      [3, 4],
    ]);
    // d = 0.5, 0.5, 5: same -> 0.125; different, m = 1 -> 0.125; different, d > m -> 0
    await expectCloseThenDispose(
      contrastiveLoss(first, second, [true, false, 0], { reduction: 'none' }),
      [0.125, 0.125, 0],
    );
    const flags = tf.tensor1d([1, 0, 0], 'int32');
    await expectCloseThenDispose(contrastiveLoss(first, second, flags), 0.25 / 3);
    await expectCloseThenDispose(
      contrastiveLoss(first, second, flags, { margin: 6, reduction: 'sum' }),
      0.125 + 0.5 * 5.5 ** 2 + 0.5,
    );
    tf.dispose([first, second, flags]);
  });

  test('finite differences on both inputs', async () => {
    const first = tf.tensor2d([
      [0.1, -0.4],
      [1, 0.2],
      [0.3, 0.3],
    ]);
    const second = tf.tensor2d([
      [0.5, 0.1],
      [0.2, 0.1],
      [-0.4, 0.6],
    ]);
    await checkGradients(
      (a, b) => contrastiveLoss(a as tf.Tensor, b as tf.Tensor, [1, 0, 0], { margin: 1.5 }),
      [first, second],
    );
    tf.dispose([first, second]);
  });

  test('property: >= 0; identical embeddings give finite gradients', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.float({ min: -5, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        async (values, same) => {
          const first = tf.tensor2d([values.slice(0, 2)]);
          const second = tf.tensor2d([values.slice(2)]);
          expect(await readScalar(contrastiveLoss(first, second, [same]))).toBeGreaterThanOrEqual(0);
          tf.dispose([first, second]);
        },
      ),
      { numRuns: 5 },
    );
    const point = tf.tensor2d([
      [1, 2],
      [1, 2],
    ]);
    await expectFiniteLossAndGradients(
      (a, b) => contrastiveLoss(a as tf.Tensor, b as tf.Tensor, [0, 1]),
      [point, point],
    );
    point.dispose();
  });

  test('leaks, bad input', async () => {
    const a = tf.tensor2d([[1, 2]]);
    const b = tf.tensor2d([[1, 2, 3]]);
    await expectNoLeakedTensors(() => tf.grad((x: tf.Tensor) => contrastiveLoss(x, tf.zerosLike(x), [0]))(a));
    expect(() => contrastiveLoss(a, b, [1])).toThrow(
      /contrastiveLoss: expected first and second to have the same shape, got \[1,2\] and \[1,3\]/,
    );
    expect(() => contrastiveLoss(a, a, [1, 0])).toThrow(
      /expected same of length 1 \(one flag per pair\), got length 2/,
    );
    expect(() => contrastiveLoss(a, a, [2])).toThrow(/expected same\[0\] to be 0, 1, true or false, got 2/);
    expect(() => contrastiveLoss(a, a, [1], { margin: -1 })).toThrow(/expected margin >= 0, got -1/);
    tf.dispose([a, b]);
  });
});
