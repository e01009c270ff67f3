import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { checkGradients, describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectFiniteLossAndGradients, expectLossAndGradients, readScalar } from '../test/loss-and-gradients.js';
import { categoricalFocalLoss } from './categorical-focal-loss.js';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

describeEachBackend('categoricalFocalLoss', () => {
  for (const gamma of ['0.0', '2.0', '5.0']) {
    test(`matches PyTorch: categoricalFocal_gamma${gamma}_alpha0.25`, async () => {
      const c = loadTorchFixture('losses', `categoricalFocal_gamma${gamma}_alpha0.25`);
      const labels = tf.tensor1d(c.get('labels') as number[], 'int32');
      const logits = c.tensor('logits');
      const options = { gamma: c.number('gamma'), alpha: c.number('alpha') };
      await expectLossAndGradients((z) => categoricalFocalLoss(labels, z, options), [logits], {
        value: c.number('loss'),
        gradients: [c.spec('dlogits')],
      });
      tf.dispose([labels, logits]);
    });
  }

  test('label rows: finite differences agree with the written-out gradient (gamma 0.5, soft rows)', async () => {
    const rows = tf.tensor2d([
      [0.7, 0.2, 0.1],
      [0, 0, 1],
    ]);
    const logits = tf.tensor2d([
      [0.5, -1, 2],
      [1, 0.3, -0.2],
    ]);
    await checkGradients((z) => categoricalFocalLoss(rows, z, { gamma: 0.5, alpha: 1 }), [logits]);
    await checkGradients((t) => categoricalFocalLoss(t, logits, { gamma: 2 }), [rows]);
    tf.dispose([rows, logits]);
  });

  test('property: gamma 0 equals alpha x cross-entropy; losses >= 0', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.float({ min: -15, max: 15, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.float({ min: 0, max: 2, noNaN: true }),
        fc.float({ min: 0, max: 5, noNaN: true }),
        async (values, alpha, gamma) => {
          const logits = tf.tensor2d(values, [2, 3]);
          const focal0 = await readScalar(categoricalFocalLoss([0, 2], logits, { gamma: 0, alpha }));
          const ce = await readScalar(softmaxCrossEntropy([0, 2], logits));
          expect(focal0).toBeCloseTo(alpha * ce, 4);
          expect(await readScalar(categoricalFocalLoss([0, 2], logits, { gamma, alpha }))).toBeGreaterThanOrEqual(0);
          logits.dispose();
        },
      ),
      { numRuns: 8 },
    );
  });

  test('logits of +/-1e4 (p_t = 1 and p_t = 0): finite value and gradient for gamma 0, 0.5, 2', async () => {
    const logits = tf.tensor2d([
      [1e4, -1e4, 0],
      [-1e4, 1e4, 1e4],
      [3, -1e4, 1e4],
    ]);
    for (const gamma of [0, 0.5, 2]) {
      await expectFiniteLossAndGradients((z) => categoricalFocalLoss([0, 0, 2], z, { gamma }), [logits]);
    }
    logits.dispose();
  });

  test('no leaks; bad input', async () => {
    const logits = tf.tensor2d([[1, 2, 3]]);
    await expectNoLeakedTensors(() => tf.grad((z: tf.Tensor) => categoricalFocalLoss([1], z))(logits));
    expect(() => categoricalFocalLoss([1], logits, { gamma: -1 })).toThrow(
      /categoricalFocalLoss: expected gamma >= 0, got -1/,
    );
    expect(() => categoricalFocalLoss([1], logits, { alpha: -0.5 })).toThrow(/expected alpha >= 0, got -0.5/);
    expect(() => categoricalFocalLoss([5], logits)).toThrow(
      /expected labels\[0\] to be a class index in \[0, 2\], got 5/,
    );
    tf.dispose([logits]);
  });
});
