// The argument checks of meanSquaredError, sigmoidCrossEntropy, distillationLoss and l2Penalty one
// by one: each error names the function and the argument, and the inputs the docs allow (bool
// targets, a rank-0 'elementMean') give their closed-form values. Written to kill the mutants
// Stryker found surviving (see CONTRIBUTING.md).
import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectCloseThenDispose } from '../test/loss-and-gradients.js';
import { distillationLoss } from './distillation-loss.js';
import { l2Penalty } from './l2-penalty.js';
import { meanSquaredError } from './mean-squared-error.js';
import { sigmoidCrossEntropy } from './sigmoid-cross-entropy.js';

describeEachBackend('regression, sigmoid and distillation argument checks', () => {
  test('each error names the function and the argument; nothing leaks', () => {
    const logits = tf.tensor2d([
      [0.5, -1],
      [2, 0],
    ]);
    const ints = tf.tensor2d(
      [
        [1, 0],
        [0, 1],
      ],
      [2, 2],
      'int32',
    );
    const words = tf.tensor2d(
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      [2, 2],
      'string',
    );
    const sequence = tf.zeros([2, 2, 1]);
    const cases: [() => unknown, RegExp][] = [
      [
        () => distillationLoss([0, 1], logits, logits, { temp: 2 } as never),
        /^distillationLoss: unknown key 'temp' in options/,
      ],
      [
        () => distillationLoss([0, 1], sequence, sequence),
        /^distillationLoss: expected studentLogits of rank 2, got rank 3/,
      ],
      [
        () => distillationLoss([0, 1], ints, logits),
        /^distillationLoss: expected studentLogits of dtype float32, got int32$/,
      ],
      [
        () => distillationLoss([0, 1], logits, ints),
        /^distillationLoss: expected teacherLogits of dtype float32, got int32$/,
      ],
      [() => distillationLoss([0, 1], logits, logits, { beta: -1 }), /^distillationLoss: expected beta >= 0, got -1$/],
      [
        () => sigmoidCrossEntropy(ints, logits, { smoothing: 0.1 } as never),
        /^sigmoidCrossEntropy: unknown key 'smoothing' in options/,
      ],
      [() => sigmoidCrossEntropy(ints, ints), /^sigmoidCrossEntropy: expected logits of dtype float32, got int32$/],
      [
        () => sigmoidCrossEntropy(words, logits),
        /^sigmoidCrossEntropy: expected targets of dtype float32 or int32 or bool, got string$/,
      ],
      [() => meanSquaredError(logits, ints), /^meanSquaredError: expected prediction of dtype float32, got int32$/],
      [() => l2Penalty('kernel' as never, 0.1), /^l2Penalty: expected weights to be a tf.Tensor, got string$/],
    ];
    const before = tf.memory().numTensors;
    for (const [call, message] of cases) expect(call).toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([logits, ints, words, sequence]);
  });

  test('sigmoidCrossEntropy with bool targets: ln(1 + e^-z) for true, ln(1 + e^z) for false', async () => {
    const targets = tf.tensor2d([[true, false]], [1, 2], 'bool');
    const logits = tf.tensor2d([[0.5, -1]]);
    await expectCloseThenDispose(sigmoidCrossEntropy(targets, logits, { reduction: 'none' }), [
      [Math.log1p(Math.exp(-0.5)), Math.log1p(Math.exp(-1))],
    ]);
    tf.dispose([targets, logits]);
  });

  test("meanSquaredError of rank-0 tensors ('elementMean' allows them): (3 - 1)^2 = 4", async () => {
    const target = tf.scalar(3);
    const prediction = tf.scalar(1);
    await expectCloseThenDispose(meanSquaredError(target, prediction), 4);
    await expectCloseThenDispose(meanSquaredError(target, prediction, { reduction: 'none' }), 4);
    tf.dispose([target, prediction]);
  });
});
