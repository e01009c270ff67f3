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
import { tripletLoss } from './triplet-loss.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

describeEachBackend('tripletLoss', () => {
  const cases = [
    ['triplet_squared_margin0.2', 'squared'],
    ['triplet_euclidean_margin1', 'euclidean'],
  ] as const;
  for (const [name, distance] of cases) {
    test(`matches PyTorch: ${name}`, async () => {
      const c = loadTorchFixture('losses', name);
      const inputs = [c.tensor('anchor'), c.tensor('positive'), c.tensor('negative')];
      await expectLossAndGradients(
        (a, p, n) =>
          tripletLoss(a as tf.Tensor, p as tf.Tensor, n as tf.Tensor, { margin: c.number('margin'), distance }),
        inputs,
        {
          value: c.number('loss'),
          gradients: [c.spec('danchor'), c.spec('dpositive'), c.spec('dnegative')],
        },
      );
      tf.dispose(inputs);
    });
  }

  test('hand-computed, reductions, identical vectors give a finite gradient', async () => {
    const anchor = tf.tensor2d([
      [0, 0],
      [0, 0],
    ]);
    const positive = tf.tensor2d([
      [1, 0],
      [0, 0],
    ]);
    const negative = tf.tensor2d([
      [0, 2],
      [0, 0.1],
    ]);
    // squared: max(0, 1 - 4 + 0.2) = 0, max(0, 0 - 0.01 + 0.2) = 0.19
    await expectCloseThenDispose(tripletLoss(anchor, positive, negative, { reduction: 'none' }), [0, 0.19]);
    await expectCloseThenDispose(
      tripletLoss(anchor, positive, negative, { distance: 'euclidean', margin: 1, reduction: 'sum' }),
      0 + 0.9,
      { atol: 1e-5 },
    );
    await expectFiniteLossAndGradients(
      (a, p, n) => tripletLoss(a as tf.Tensor, p as tf.Tensor, n as tf.Tensor, { distance: 'euclidean' }),
      [anchor, positive, negative],
    );
    tf.dispose([anchor, positive, negative]);
  });

  test('property: 0 when the margin is met, >= 0 always', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.float({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.float({ min: 0, max: 1, noNaN: true }),
        async (values, margin) => {
          const anchor = tf.tensor2d([values.slice(0, 2)]);
          const positive = tf.tensor2d([values.slice(2, 4)]);
          // a negative far beyond the positive: distance 100 + |a - p| in every coordinate
          const negative = tf.add(anchor, 100);
          for (const distance of ['squared', 'euclidean'] as const) {
            expect(await readScalar(tripletLoss(anchor, positive, negative, { margin, distance }))).toBe(0);
            expect(
              await readScalar(tripletLoss(anchor, negative, positive, { margin, distance })),
            ).toBeGreaterThanOrEqual(0);
          }
          tf.dispose([anchor, positive, negative]);
        },
      ),
      { numRuns: 5 },
    );
  });

  test('leaks, bad input', async () => {
    const a = tf.tensor2d([[1, 2]]);
    const b = tf.tensor2d([[1, 2, 3]]);
    await expectNoLeakedTensors(() =>
      tf.grads((x: tf.Tensor, y: tf.Tensor) => tripletLoss(x, y, tf.zerosLike(x), { distance: 'euclidean' }))([a, a]),
    );
    expect(() => tripletLoss(a, a, b)).toThrow(
      /tripletLoss: expected anchor and negative to have the same shape, got \[1,2\] and \[1,3\]/,
    );
    expect(() => tripletLoss(a, a, a, { margin: -0.2 })).toThrow(/expected margin >= 0, got -0.2/);
    expect(() => tripletLoss(a, a, a, { distance: 'cosine' as never })).toThrow(
      /expected distance to be one of 'squared', 'euclidean', got "cosine"/,
    );
    tf.dispose([a, b]);
  });
});
