// The argument checks of the classification and embedding losses, one by one: each error names
// the function and the argument, and each boundary value the docs allow is accepted (0 class
// weights, alpha 0 and 1). Written to kill the mutants Stryker found surviving (see CONTRIBUTING.md).
import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { binaryFocalLoss } from './binary-focal-loss.js';
import { categoricalFocalLoss } from './categorical-focal-loss.js';
import { multiClassHingeLoss } from './multi-class-hinge-loss.js';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';
import { tripletLoss } from './triplet-loss.js';

const scalar = async (t: tf.Tensor): Promise<number> => (await t.data())[0] as number;

describeEachBackend('loss argument checks', () => {
  test('every option key each loss documents is accepted; an unknown one is named with the argument', () => {
    const logits = tf.tensor2d([[0.5, -1]]);
    const labels = [0];
    const e = tf.tensor2d([[1, 0]]);
    const calls: [string, (extra: object) => unknown][] = [
      [
        'softmaxCrossEntropy',
        (o) =>
          softmaxCrossEntropy(labels, logits, { labelSmoothing: 0.1, classWeights: [1, 2], reduction: 'sum', ...o }),
      ],
      [
        'categoricalFocalLoss',
        (o) => categoricalFocalLoss(labels, logits, { gamma: 1, alpha: 0.5, reduction: 'sum', ...o }),
      ],
      ['binaryFocalLoss', (o) => binaryFocalLoss(e, logits, { gamma: 1, alpha: 0.5, reduction: 'sum', ...o })],
      ['multiClassHingeLoss', (o) => multiClassHingeLoss(labels, logits, { margin: 0.5, reduction: 'sum', ...o })],
      ['tripletLoss', (o) => tripletLoss(e, e, logits, { margin: 0.1, distance: 'euclidean', reduction: 'sum', ...o })],
    ];
    for (const [name, call] of calls) {
      tf.dispose(call({}) as tf.Tensor);
      expect(() => call({ gama: 1 })).toThrow(new RegExp(`^${name}: unknown key 'gama' in options`));
    }
    tf.dispose([logits, e]);
  });

  test('dtype, rank and shape errors name the argument', () => {
    const ints = tf.tensor2d([[1, 2]], undefined, 'int32');
    const logits = tf.tensor2d([[0.5, -1]]);
    const wide = tf.tensor2d([[1, 2, 3]]);
    const cases: [() => unknown, RegExp][] = [
      [() => softmaxCrossEntropy([0], ints), /^softmaxCrossEntropy: expected logits of dtype float32, got int32/],
      [() => categoricalFocalLoss([0], ints), /^categoricalFocalLoss: expected logits of dtype float32, got int32/],
      [() => categoricalFocalLoss([0], tf.zeros([2])), /^categoricalFocalLoss: expected logits of rank 2/],
      [() => binaryFocalLoss(logits, ints), /^binaryFocalLoss: expected logits of dtype float32, got int32/],
      [() => binaryFocalLoss(tf.tensor2d([['1', '0']]), logits), /^binaryFocalLoss: expected targets of dtype/],
      [() => multiClassHingeLoss([0], ints), /^multiClassHingeLoss: expected logits of dtype float32, got int32/],
      [() => tripletLoss(tf.zeros([2]), tf.zeros([2]), tf.zeros([2])), /^tripletLoss: expected anchor of rank 2/],
      [() => tripletLoss(ints, ints, ints), /^tripletLoss: expected anchor of dtype float32/],
      [() => tripletLoss(logits, wide, logits), /^tripletLoss: expected anchor and positive to have the same shape/],
      [() => binaryFocalLoss(logits, logits, { alpha: Number.NaN }), /^binaryFocalLoss: expected alpha to be a finite/],
    ];
    for (const [call, message] of cases) expect(call).toThrow(message);
    tf.dispose([ints, logits, wide]);
  });

  test('binaryFocalLoss: int32 and bool targets; alpha 1 weighs positives only, alpha 0 negatives only', async () => {
    const logits = tf.tensor2d([[0.5, -1]]);
    const asFloat = await scalar(binaryFocalLoss(tf.tensor2d([[1, 0]]), logits, { reduction: 'sum' }));
    const asInt = await scalar(
      binaryFocalLoss(tf.tensor2d([[1, 0]], undefined, 'int32'), logits, { reduction: 'sum' }),
    );
    const asBool = await scalar(
      binaryFocalLoss(tf.tensor2d([[1, 0]], undefined, 'bool'), logits, { reduction: 'sum' }),
    );
    expect([asInt, asBool]).toEqual([asFloat, asFloat]);
    const t = tf.tensor2d([[1, 0]]);
    const each = async (alpha: number) =>
      Array.from(await binaryFocalLoss(t, logits, { alpha, reduction: 'none' }).data());
    const unweighted = await each(-1);
    expect(await each(1)).toEqual([unweighted[0], 0]);
    expect(await each(0)).toEqual([0, unweighted[1]]);
    expect(() => binaryFocalLoss(t, logits, { alpha: 1.01 })).toThrow(/^binaryFocalLoss: expected alpha in \[0, 1\]/);
    tf.dispose([logits, t]);
  });

  test('softmaxCrossEntropy classWeights: 0 allowed; NaN, negative, wrong length or rank named', async () => {
    const logits = tf.tensor2d([
      [0.5, -1],
      [2, 0],
    ]);
    expect(await scalar(softmaxCrossEntropy([0, 1], logits, { classWeights: [0, 1] }))).toBeGreaterThan(0);
    const cases: [unknown, RegExp, typeof ArgumentError | typeof ShapeError][] = [
      [[Number.NaN, 1], /^softmaxCrossEntropy: expected classWeights\[0\] >= 0, got NaN$/, ArgumentError],
      [[1, -0.5], /^softmaxCrossEntropy: expected classWeights\[1\] >= 0, got -0.5$/, ArgumentError],
      [[1, 2, 3], /^softmaxCrossEntropy: expected classWeights of length 2/, ShapeError],
      [
        tf.tensor1d([1, 2, 3]),
        /^softmaxCrossEntropy: expected classWeights of shape \[2\] \(one per class\), got \[3\]/,
        ShapeError,
      ],
      [tf.tensor2d([[1, 2]]), /^softmaxCrossEntropy: expected classWeights of rank 1/, ShapeError],
    ];
    for (const [classWeights, message, kind] of cases) {
      const call = () => softmaxCrossEntropy([0, 1], logits, { classWeights: classWeights as number[] });
      expect(call).toThrow(message);
      expect(call).toThrow(kind);
      if (classWeights instanceof tf.Tensor) classWeights.dispose();
    }
    logits.dispose();
  });
});
