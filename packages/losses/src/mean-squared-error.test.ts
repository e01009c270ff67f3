import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { checkGradients, describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectCloseThenDispose, expectLossAndGradients, readScalar } from '../test/loss-and-gradients.js';
import { meanSquaredError } from './mean-squared-error.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

describeEachBackend('meanSquaredError', () => {
  test('matches PyTorch: mse_mean (mean over all elements, no 1/2)', async () => {
    const c = loadTorchFixture('losses', 'mse_mean');
    const target = c.tensor('target');
    const pred = c.tensor('pred');
    await expectLossAndGradients((y) => meanSquaredError(target, y), [pred], {
      value: c.number('loss'),
      gradients: [c.spec('dpred')],
    });
    tf.dispose([target, pred]);
  });

  test("the seed's form 1/(2N) sum_n sum_k (t - y)^2: hand-computed value and gradient (y - t)/N", async () => {
    const target = tf.tensor2d([
      [0, 1, 0],
      [1, 0, 0],
    ]);
    const pred = tf.tensor2d([
      [0.2, 0.5, 0.1],
      [0.6, 0.3, 0.4],
    ]);
    // sample 0: 0.04 + 0.25 + 0.01 = 0.30; sample 1: 0.16 + 0.09 + 0.16 = 0.41; E = (0.30 + 0.41) / (2 * 2)
    await expectLossAndGradients((y) => meanSquaredError(target, y, { form: 'seed' }), [pred], {
      value: 0.71 / 4,
      gradients: [
        [
          [0.1, -0.25, 0.05],
          [-0.2, 0.15, 0.2],
        ],
      ],
    });
    await expectCloseThenDispose(meanSquaredError(target, pred, { form: 'seed', reduction: 'none' }), [0.15, 0.205]);
    await expectCloseThenDispose(meanSquaredError(target, pred, { form: 'seed', reduction: 'sum' }), 0.355);
    await checkGradients((y) => meanSquaredError(target, y, { form: 'seed' }), [pred]);
    tf.dispose([target, pred]);
  });

  test("'elementMean' with 'none' and 'sum'", async () => {
    const target = tf.tensor1d([1, 2]);
    const pred = tf.tensor1d([0, 4]);
    await expectCloseThenDispose(meanSquaredError(target, pred, { reduction: 'none' }), [1, 4]);
    await expectCloseThenDispose(meanSquaredError(target, pred, { reduction: 'sum' }), 5);
    await expectCloseThenDispose(meanSquaredError(target, pred, { form: 'seed' }), 1.25);
    tf.dispose([target, pred]);
  });

  test('property: >= 0, and 0 exactly when prediction equals target', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.float({ min: -100, max: 100, noNaN: true }), { minLength: 4, maxLength: 4 }),
        async (values) => {
          const x = tf.tensor2d(values, [2, 2]);
          const y = tf.add(x, 1);
          expect(await readScalar(meanSquaredError(x, y))).toBeGreaterThanOrEqual(0);
          expect(await readScalar(meanSquaredError(x, x, { form: 'seed' }))).toBe(0);
          tf.dispose([x, y]);
        },
      ),
      { numRuns: 5 },
    );
  });

  test('no leaks; bad input', async () => {
    const a = tf.tensor2d([[1, 2]]);
    const b = tf.tensor2d([[1], [2]]);
    await expectNoLeakedTensors(() => tf.grad((y: tf.Tensor) => meanSquaredError(a, y, { form: 'seed' }))(a));
    expect(() => meanSquaredError(a, b)).toThrow(
      /meanSquaredError: expected target and prediction to have the same shape, got \[1,2\] and \[2,1\]/,
    );
    expect(() => meanSquaredError(a, a, { form: 'half' as never })).toThrow(
      /expected form to be one of 'elementMean', 'seed', got "half"/,
    );
    const s = tf.scalar(1);
    expect(() => meanSquaredError(s, s, { form: 'seed' })).toThrow(/expected prediction of rank >= 1 for form 'seed'/);
    tf.dispose([a, b, s]);
  });
});
