import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '@baihua/core';
import { checkGradients } from '@baihua/core/testing';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { batchHardReference } from '../test/triplet-mining-reference.js';
import { expectCloseThenDispose, readScalar } from '../test/loss-and-gradients.js';
import { batchHardTripletLoss } from './batch-hard-triplet-loss.js';

function randomEmbeddings(seed: number, rows: number, width: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: width }, () => random.normal()));
}

describeEachBackend('batchHardTripletLoss', () => {
  test('agrees with a loop-by-loop reference (both distances, two margins)', async () => {
    const values = randomEmbeddings(3, 8, 3);
    const labels = [0, 1, 2, 0, 1, 2, 0, 3];
    const embeddings = tf.tensor2d(values);
    for (const distance of ['squared', 'euclidean'] as const) {
      for (const margin of [0.2, 2]) {
        await expectCloseThenDispose(
          batchHardTripletLoss(embeddings, labels, { margin, distance }),
          batchHardReference(values, labels, margin, distance),
        );
      }
    }
    embeddings.dispose();
  });

  test('hand-computed: one anchor pair and one stranger; anchors without a positive are left out', async () => {
    // rows 0,1 same label at distance 1; row 2 another label at distance 3 from row 0 and 2 from row 1
    const embeddings = tf.tensor2d([
      [0, 0],
      [1, 0],
      [3, 0],
    ]);
    const labels = tf.tensor1d([5, 5, 7], 'int32');
    // squared: anchor 0: max(0, 1 - 9 + 4) = 0; anchor 1: max(0, 1 - 4 + 4) = 1; anchor 2 has no positive.
    await expectCloseThenDispose(batchHardTripletLoss(embeddings, labels, { margin: 4, reduction: 'none' }), [0, 1, 0]);
    await expectCloseThenDispose(batchHardTripletLoss(embeddings, labels, { margin: 4 }), 0.5);
    await expectCloseThenDispose(
      batchHardTripletLoss(embeddings, labels, { margin: 8.5, reduction: 'sum' }),
      0.5 + 5.5,
    );
    expect(await readScalar(batchHardTripletLoss(embeddings, [1, 2, 3]))).toBe(0);
    tf.dispose([embeddings, labels]);
  });

  test('gradient flows through the chosen pairs only (finite differences)', async () => {
    const embeddings = tf.tensor2d(randomEmbeddings(11, 6, 2));
    await checkGradients((e) => batchHardTripletLoss(e, [0, 0, 1, 1, 2, 2], { margin: 3 }), [embeddings], {
      step: 1e-3,
    });
    await checkGradients(
      (e) => batchHardTripletLoss(e, [0, 0, 1, 1, 2, 2], { margin: 3, distance: 'euclidean' }),
      [embeddings],
      { step: 1e-3 },
    );
    embeddings.dispose();
  });

  test('leaks, bad input', async () => {
    const embeddings = tf.tensor2d([
      [0, 0],
      [1, 0],
      [3, 0],
    ]);
    await expectNoLeakedTensors(() => tf.grad((e: tf.Tensor) => batchHardTripletLoss(e, [0, 0, 1]))(embeddings));
    expect(() => batchHardTripletLoss(embeddings, [0, 1])).toThrow(
      /batchHardTripletLoss: expected labels of length 3 \(one per embedding\), got length 2/,
    );
    expect(() => batchHardTripletLoss(embeddings, [0, 1, 0.5])).toThrow(
      /expected labels\[2\] to be an integer, got 0.5/,
    );
    const floats = tf.tensor1d([0, 1, 1]);
    expect(() => batchHardTripletLoss(embeddings, floats)).toThrow(/expected labels of dtype int32, got float32/);
    expect(() => batchHardTripletLoss(embeddings, [0, 1, 1], { margin: -1 })).toThrow(/expected margin >= 0, got -1/);
    tf.dispose([embeddings, floats]);
  });
});
