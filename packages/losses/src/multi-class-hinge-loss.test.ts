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
import { multiClassHingeLoss } from './multi-class-hinge-loss.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

describeEachBackend('multiClassHingeLoss', () => {
  test('matches PyTorch: multiClassHinge_margin1', async () => {
    const c = loadTorchFixture('losses', 'multiClassHinge_margin1');
    const labels = tf.tensor1d(c.get('labels') as number[], 'int32');
    const logits = c.tensor('logits');
    await expectLossAndGradients((z) => multiClassHingeLoss(labels, z), [logits], {
      value: c.number('loss'),
      gradients: [c.spec('dlogits')],
    });
    const rows = tf.cast(tf.oneHot(labels, 5), 'float32');
    await expectCloseThenDispose(multiClassHingeLoss(rows, logits), c.number('loss'));
    tf.dispose([labels, logits, rows]);
  });

  test('hand-computed: (max(0, 1 - 2 + 1.5) + max(0, 1 - 2 - 1)) / 3, and margin 0', async () => {
    const logits = tf.tensor2d([[2, 1.5, -1]]);
    await expectCloseThenDispose(multiClassHingeLoss([0], logits), 0.5 / 3);
    await expectCloseThenDispose(multiClassHingeLoss([0], logits, { margin: 0 }), 0);
    await expectCloseThenDispose(multiClassHingeLoss([1], logits, { margin: 2, reduction: 'none' }), [(2.5 + 0) / 3]);
    logits.dispose();
  });

  test('property: >= 0, and 0 once the true class wins by the margin', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.float({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
        async (values) => {
          const logits = tf.tensor2d([values]);
          expect(await readScalar(multiClassHingeLoss([1], logits))).toBeGreaterThanOrEqual(0);
          const winning = tf.tensor2d([[values[0] as number, Math.max(...values) + 1.5, values[2] as number]]);
          expect(await readScalar(multiClassHingeLoss([1], winning))).toBe(0);
          tf.dispose([logits, winning]);
        },
      ),
      { numRuns: 5 },
    );
  });

  test('extremes, leaks, bad input', async () => {
    const logits = tf.tensor2d([
      [1e4, -1e4, 0],
      [-1e4, 1e4, 1e4],
    ]);
    await expectFiniteLossAndGradients((z) => multiClassHingeLoss([1, 0], z), [logits]);
    await expectNoLeakedTensors(() => tf.grad((z: tf.Tensor) => multiClassHingeLoss([1, 0], z))(logits));
    expect(() => multiClassHingeLoss([1, 0], logits, { margin: -1 })).toThrow(
      /multiClassHingeLoss: expected margin >= 0, got -1/,
    );
    expect(() => multiClassHingeLoss([1, -1], logits)).toThrow(
      /expected labels\[1\] to be a class index in \[0, 2\], got -1/,
    );
    logits.dispose();
  });
});
