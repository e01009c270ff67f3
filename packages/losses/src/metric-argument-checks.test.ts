// The argument checks of the metric losses (contrastive, batch-hard and semi-hard triplet) one by
// one, the JS-array form of contrastiveLoss's flags, and semi-hard's 'sum'. Written to kill the
// mutants Stryker found surviving (see CONTRIBUTING.md).
import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectCloseThenDispose } from '../test/loss-and-gradients.js';
import { semiHardReference } from '../test/triplet-mining-reference.js';
import { batchHardTripletLoss } from './batch-hard-triplet-loss.js';
import { contrastiveLoss } from './contrastive-loss.js';
import { semiHardTripletLoss } from './semi-hard-triplet-loss.js';

describeEachBackend('metric loss argument checks', () => {
  test('each error names the function and the argument; nothing leaks', () => {
    const pairs = tf.tensor2d([
      [0, 1],
      [1, 0],
    ]);
    const ints = tf.tensor2d(
      [
        [0, 1],
        [1, 0],
      ],
      [2, 2],
      'int32',
    );
    const row = tf.zeros([2]);
    const flagMatrix = tf.ones([2, 1]);
    const threeFlags = tf.ones([3]);
    const threeLabels = tf.tensor1d([0, 1, 0], 'int32');
    const labelMatrix = tf.tensor2d([[0], [1]], [2, 1], 'int32');
    const cases: [() => unknown, RegExp, typeof ShapeError | typeof ArgumentError][] = [
      [
        () => contrastiveLoss(pairs, pairs, [1, 0], { gap: 1 } as never),
        /^contrastiveLoss: unknown key 'gap' in options/,
        ArgumentError,
      ],
      [() => contrastiveLoss(row, row, [1, 0]), /^contrastiveLoss: expected first of rank 2, got rank 1/, ShapeError],
      [
        () => contrastiveLoss(ints, ints, [1, 0]),
        /^contrastiveLoss: expected first of dtype float32, got int32$/,
        ShapeError,
      ],
      [
        () => contrastiveLoss(pairs, pairs, flagMatrix),
        /^contrastiveLoss: expected same of rank 1, got rank 2/,
        ShapeError,
      ],
      [
        () => contrastiveLoss(pairs, pairs, threeFlags),
        /^contrastiveLoss: expected same of shape \[2\] \(one flag per pair\), got \[3\]$/,
        ShapeError,
      ],
    ];
    for (const loss of [batchHardTripletLoss, semiHardTripletLoss]) {
      const name = loss.name;
      cases.push(
        [
          () => loss(pairs, [0, 1], { marg: 1 } as never),
          new RegExp(`^${name}: unknown key 'marg' in options`),
          ArgumentError,
        ],
        [
          () => loss(ints, [0, 1]),
          new RegExp(`^${name}: expected embeddings of dtype float32, got int32$`),
          ShapeError,
        ],
        [
          () => loss(pairs, [0, 1], { distance: 'cosine' as never }),
          new RegExp(`^${name}: expected distance to be one of 'squared', 'euclidean', got "cosine"`),
          ArgumentError,
        ],
        [() => loss(pairs, labelMatrix), new RegExp(`^${name}: expected labels of rank 1, got rank 2`), ShapeError],
        [
          () => loss(pairs, threeLabels),
          new RegExp(`^${name}: expected labels of shape \\[2\\] \\(one per embedding\\), got \\[3\\]$`),
          ShapeError,
        ],
      );
    }
    const before = tf.memory().numTensors;
    for (const [call, message, kind] of cases) {
      expect(call).toThrow(message);
      expect(call).toThrow(kind);
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([pairs, ints, row, flagMatrix, threeFlags, threeLabels, labelMatrix]);
  });

  test('contrastiveLoss flags as a JS array: 1 and true are same pairs, 0 and false different', async () => {
    const first = tf.zeros([4, 2]);
    const second = tf.tensor2d([
      [0.6, 0.8],
      [0.3, 0],
      [0.6, 0],
      [0, 0.2],
    ]);
    // d = 1, 0.3, 0.6, 0.2: same 1/2 d^2 = 0.5, 0.045; different 1/2 (1 - d)^2 = 0.08, 0.32
    // (not d = 0.5, where 1/2 d^2 = 1/2 (1 - d)^2 and a flag read wrongly would not show)
    await expectCloseThenDispose(
      contrastiveLoss(first, second, [1, true, false, 0], { reduction: 'none' }),
      [0.5, 0.045, 0.08, 0.32],
    );
    tf.dispose([first, second]);
  });

  test("semiHardTripletLoss 'sum' is the reference mean times the 14 anchor-positive pairs", async () => {
    // No negative within 0.05 of any anchor-positive distance: float32 and float64 choose alike.
    const values = [
      [0.13, 0.52],
      [1.01, -0.33],
      [-0.71, 0.24],
      [0.42, 0.87],
      [0.83, 0.11],
      [-0.97, -0.41],
      [0.23, 0.31],
      [1.18, -0.79],
    ];
    const labels = [0, 1, 2, 0, 1, 2, 0, 1];
    const embeddings = tf.tensor2d(values);
    await expectCloseThenDispose(
      semiHardTripletLoss(embeddings, labels, { margin: 0.5, reduction: 'sum' }),
      14 * semiHardReference(values, labels, 0.5, 'squared'),
    );
    embeddings.dispose();
  });
});
