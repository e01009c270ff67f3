import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { checkGradients, describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectFiniteLossAndGradients, expectLossAndGradients, readScalar } from '../test/loss-and-gradients.js';
import { binaryFocalLoss } from './binary-focal-loss.js';
import { sigmoidCrossEntropy } from './sigmoid-cross-entropy.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

describeEachBackend('binaryFocalLoss', () => {
  test('matches torchvision: sigmoidFocal_gamma2_alpha0.25', async () => {
    const c = loadTorchFixture('losses', 'sigmoidFocal_gamma2_alpha0.25');
    const targets = c.tensor('targets');
    const logits = c.tensor('logits');
    const options = { gamma: c.number('gamma'), alpha: c.number('alpha') };
    await expectLossAndGradients((z) => binaryFocalLoss(targets, z, options), [logits], {
      value: c.number('loss'),
      gradients: [c.spec('dlogits')],
    });
    tf.dispose([targets, logits]);
  });

  test('finite differences agree for soft targets and gamma 0.5; alpha < 0 turns weighting off', async () => {
    const targets = tf.tensor1d([0.2, 1, 0, 0.9]);
    const logits = tf.tensor1d([0.4, -1.5, 2, 0.1]);
    await checkGradients((z) => binaryFocalLoss(targets, z, { gamma: 0.5, alpha: 0.3 }), [logits]);
    const unweighted = await readScalar(binaryFocalLoss(targets, logits, { gamma: 0, alpha: -1 }));
    expect(unweighted).toBeCloseTo(await readScalar(sigmoidCrossEntropy(targets, logits)), 5);
    tf.dispose([targets, logits]);
  });

  test('property: losses >= 0', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.float({ min: -30, max: 30, noNaN: true }), { minLength: 3, maxLength: 3 }),
        async (values) => {
          const logits = tf.tensor1d(values);
          const targets = tf.tensor1d([1, 0, 1]);
          expect(await readScalar(binaryFocalLoss(targets, logits))).toBeGreaterThanOrEqual(0);
          tf.dispose([logits, targets]);
        },
      ),
      { numRuns: 5 },
    );
  });

  test('logits of +/-1e4: finite value and gradient for gamma 0, 0.5, 2', async () => {
    const logits = tf.tensor1d([1e4, -1e4, 1e4, -1e4]);
    const targets = tf.tensor1d([1, 0, 0, 1]);
    for (const gamma of [0, 0.5, 2])
      await expectFiniteLossAndGradients((z) => binaryFocalLoss(targets, z, { gamma }), [logits]);
    tf.dispose([logits, targets]);
  });

  test('no leaks; bad input', async () => {
    const logits = tf.tensor1d([1, 2]);
    const targets = tf.tensor1d([1, 0]);
    await expectNoLeakedTensors(() => tf.grad((z: tf.Tensor) => binaryFocalLoss(targets, z))(logits));
    expect(() => binaryFocalLoss(targets, logits, { gamma: -2 })).toThrow(
      /binaryFocalLoss: expected gamma >= 0, got -2/,
    );
    expect(() => binaryFocalLoss(targets, logits, { alpha: 1.5 })).toThrow(
      /expected alpha in \[0, 1\] \(or negative to turn weighting off\), got 1.5/,
    );
    const wide = tf.tensor2d([[1, 0]]);
    expect(() => binaryFocalLoss(wide, logits)).toThrow(
      /expected targets and logits to have the same shape, got \[1,2\] and \[2\]/,
    );
    tf.dispose([logits, targets, wide]);
  });
});
