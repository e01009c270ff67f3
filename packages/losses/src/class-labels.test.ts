// The class-label checks every classification loss shares (toTargetDistribution) and the async
// validateClassLabels: each error names the function and the argument, int32 rows are read as
// their float values, and validation accepts what it should. Written to kill the mutants Stryker
// found surviving (see CONTRIBUTING.md).
import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectCloseThenDispose } from '../test/loss-and-gradients.js';
import { validateClassLabels } from './class-labels.js';
import { distillationLoss } from './distillation-loss.js';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';

describeEachBackend('class labels', () => {
  test('labels errors name the argument and the logits; nothing leaks', () => {
    const logits = tf.tensor2d([
      [0, 0, 0],
      [1, 0, 0],
    ]);
    const threeIndices = tf.tensor1d([0, 1, 2], 'int32');
    const threeRows = tf.zeros([3, 3]);
    const cube = tf.zeros([2, 3, 1]);
    const boolRows = tf.tensor2d([[true, false, false]], [1, 3], 'bool');
    const wideLogits = tf.zeros([1, 3]);
    const cases: [() => unknown, RegExp, typeof ShapeError | typeof ArgumentError][] = [
      [
        () => softmaxCrossEntropy(threeIndices, logits),
        /^softmaxCrossEntropy: expected labels of shape \[2\] to match logits \[2,3\], got \[3\]$/,
        ShapeError,
      ],
      [
        () => distillationLoss(threeIndices, logits, logits),
        /^distillationLoss: expected labels of shape \[2\] to match studentLogits \[2,3\], got \[3\]$/,
        ShapeError,
      ],
      [
        () => distillationLoss([0], logits, logits),
        /^distillationLoss: expected labels of length 2 \(one class index per row of studentLogits\), got length 1$/,
        ShapeError,
      ],
      [
        () => softmaxCrossEntropy(threeRows, logits),
        /^softmaxCrossEntropy: expected labels of shape \[2,3\] \(rows over the classes of logits\), got \[3,3\]$/,
        ShapeError,
      ],
      [
        () => softmaxCrossEntropy(cube, logits),
        /^softmaxCrossEntropy: expected labels of rank 1 or 2, got rank 3/,
        ShapeError,
      ],
      [
        () => softmaxCrossEntropy('0' as never, logits),
        /^softmaxCrossEntropy: expected labels to be a tf.Tensor, got string/,
        ArgumentError,
      ],
    ];
    const before = tf.memory().numTensors;
    for (const [call, message, kind] of cases) {
      expect(call).toThrow(message);
      expect(call).toThrow(kind);
    }
    expect(() => softmaxCrossEntropy(boolRows, wideLogits)).toThrow(
      /^softmaxCrossEntropy: expected labels \(rows\) of dtype float32 or int32, got bool$/,
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([logits, threeIndices, threeRows, cube, boolRows, wideLogits]);
  });

  test('int32 one-hot rows give the same losses as index labels: ln 3 and ln(e + 2) - 1', async () => {
    const logits = tf.tensor2d([
      [0, 0, 0],
      [1, 0, 0],
    ]);
    const rows = tf.tensor2d(
      [
        [0, 0, 1],
        [1, 0, 0],
      ],
      [2, 3],
      'int32',
    );
    const expected = [Math.log(3), Math.log(Math.E + 2) - 1];
    await expectCloseThenDispose(softmaxCrossEntropy(rows, logits, { reduction: 'none' }), expected);
    await expectCloseThenDispose(softmaxCrossEntropy([2, 0], logits, { reduction: 'none' }), expected);
    tf.dispose([logits, rows]);
  });

  test('validateClassLabels: valid index arrays and rows pass; columns, ranks, negatives named', async () => {
    const rows = tf.tensor2d([
      [0.25, 0.75],
      [1, 0],
    ]);
    const negative = tf.tensor2d([
      [1, 0],
      [-0.5, 1.5],
    ]);
    const cube = tf.zeros([1, 2, 1]);
    await validateClassLabels([0, 2], 3);
    await validateClassLabels(rows, 2);
    await expect(validateClassLabels([0, 3], 3, 'myLoss')).rejects.toThrow(
      /^myLoss: expected labels\[1\] to be a class index in \[0, 2\], got 3$/,
    );
    await expect(validateClassLabels(rows, 3)).rejects.toThrow(
      /^validateClassLabels: expected labels with 3 columns, got shape \[2,2\]$/,
    );
    await expect(validateClassLabels(negative, 2)).rejects.toThrow(
      /^validateClassLabels: expected labels\[1\]\[0\] >= 0, got -0.5$/,
    );
    await expect(validateClassLabels(cube, 2)).rejects.toThrow(
      /^validateClassLabels: expected labels of rank 1 or 2, got rank 3/,
    );
    tf.dispose([rows, negative, cube]);
  });
});
