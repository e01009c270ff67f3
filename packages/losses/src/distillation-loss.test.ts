import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { checkGradients, describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectFiniteLossAndGradients, expectLossAndGradients, readScalar } from '../test/loss-and-gradients.js';
import { distillationLoss } from './distillation-loss.js';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

describeEachBackend('distillationLoss', () => {
  for (const temperature of ['1.0', '4.0']) {
    test(`matches PyTorch: distillation_T${temperature} (gradient w.r.t. the student logits)`, async () => {
      const c = loadTorchFixture('losses', `distillation_T${temperature}`);
      const labels = tf.tensor1d(c.get('labels') as number[], 'int32');
      const student = c.tensor('studentLogits');
      const teacher = c.tensor('teacherLogits');
      const options = { alpha: c.number('alpha'), beta: c.number('beta'), temperature: c.number('temperature') };
      await expectLossAndGradients((z) => distillationLoss(labels, z, teacher, options), [student], {
        value: c.number('loss'),
        gradients: [c.spec('dlogits')],
      });
      tf.dispose([labels, student, teacher]);
    });
  }

  const teacherCase =
    'the teacher term is 0 when teacher = student; beta 0 leaves alpha x CE; teacher gradient by finite differences';
  test(teacherCase, async () => {
    const logits = tf.tensor2d([
      [0.3, -1, 2],
      [1, 1, 0],
    ]);
    const ce = await readScalar(softmaxCrossEntropy([2, 0], logits));
    expect(
      await readScalar(distillationLoss([2, 0], logits, logits, { alpha: 1, beta: 1, temperature: 3 })),
    ).toBeCloseTo(ce, 5);
    expect(
      await readScalar(distillationLoss([2, 0], logits, tf.zerosLike(logits), { alpha: 0.3, beta: 0 })),
    ).toBeCloseTo(0.3 * ce, 5);
    const teacher = tf.tensor2d([
      [1, 0, -1],
      [0.5, 2, 0],
    ]);
    await checkGradients((t) => distillationLoss([2, 0], logits, t, { temperature: 2 }), [teacher]);
    tf.dispose([logits, teacher]);
  });

  test('property: losses >= 0', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.float({ min: -20, max: 20, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.float({ min: Math.fround(0.5), max: 8, noNaN: true }),
        async (values, temperature) => {
          const student = tf.tensor2d(values.slice(0, 3), [1, 3]);
          const teacher = tf.tensor2d(values.slice(3), [1, 3]);
          expect(await readScalar(distillationLoss([1], student, teacher, { temperature }))).toBeGreaterThanOrEqual(
            -1e-5,
          );
          tf.dispose([student, teacher]);
        },
      ),
      { numRuns: 6 },
    );
  });

  test('extremes, leaks, bad input', async () => {
    const student = tf.tensor2d([[1e4, -1e4, 0]]);
    const teacher = tf.tensor2d([[-1e4, 1e4, 0]]);
    await expectFiniteLossAndGradients((s, t) => distillationLoss([2], s, t), [student, teacher]);
    await expectNoLeakedTensors(() =>
      tf.grads((s: tf.Tensor, t: tf.Tensor) => distillationLoss([2], s, t))([student, teacher]),
    );
    expect(() => distillationLoss([2], student, teacher, { temperature: 0 })).toThrow(
      /distillationLoss: expected temperature > 0, got 0/,
    );
    expect(() => distillationLoss([2], student, teacher, { temperature: -2 })).toThrow(
      /expected temperature > 0, got -2/,
    );
    expect(() => distillationLoss([2], student, teacher, { alpha: -1 })).toThrow(/expected alpha >= 0, got -1/);
    const wide = tf.zeros([1, 4]);
    expect(() => distillationLoss([2], student, wide)).toThrow(
      /expected studentLogits and teacherLogits to have the same shape, got \[1,3\] and \[1,4\]/,
    );
    tf.dispose([student, teacher, wide]);
  });
});
