import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '@baihua/core';
import { checkGradients, describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectCloseThenDispose } from '../test/loss-and-gradients.js';
import { semiHardReference } from '../test/triplet-mining-reference.js';
import { semiHardTripletLoss } from './semi-hard-triplet-loss.js';

function randomEmbeddings(seed: number, rows: number, width: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: width }, () => random.normal()));
}

describeEachBackend('semiHardTripletLoss', () => {
  test('agrees with a loop-by-loop reference of TF Addons semi-hard mining', async () => {
    const values = randomEmbeddings(5, 8, 3);
    const labels = [0, 1, 2, 0, 1, 2, 0, 1];
    const embeddings = tf.tensor2d(values);
    for (const distance of ['squared', 'euclidean'] as const) {
      for (const margin of [0.2, 1.5]) {
        await expectCloseThenDispose(
          semiHardTripletLoss(embeddings, labels, { margin, distance }),
          semiHardReference(values, labels, margin, distance),
        );
      }
    }
    embeddings.dispose();
  });

  test('hand-computed: semi-hard negative chosen, else the farthest', async () => {
    // anchor 0 at 0, positive 1 at 1 (d = 1); negatives at 1.5 (d = 2.25) and 0.5 (d = 0.25): the semi-hard one is 1.5.
    const embeddings = tf.tensor2d([[0], [1], [1.5], [0.5]]);
    const losses = semiHardTripletLoss(embeddings, [0, 0, 1, 2], { margin: 2, reduction: 'none' });
    const values = (await losses.array()) as number[][];
    expect(values[0]?.[1]).toBeCloseTo(Math.max(0, 1 - 2.25 + 2), 5);
    // anchor 1 (at 1), positive 0 (d = 1): negatives at d 0.25 and 0.25; none farther -> the farthest (0.25).
    expect(values[1]?.[0]).toBeCloseTo(Math.max(0, 1 - 0.25 + 2), 5);
    expect(values[2]?.[3]).toBe(0);
    losses.dispose();
    embeddings.dispose();
  });

  test('finite differences', async () => {
    const embeddings = tf.tensor2d(randomEmbeddings(9, 6, 2));
    await checkGradients((e) => semiHardTripletLoss(e, [0, 0, 1, 1, 2, 2], { margin: 2 }), [embeddings], {
      step: 1e-3,
    });
    embeddings.dispose();
  });

  test('leaks, bad input', async () => {
    const embeddings = tf.tensor2d([
      [0, 0],
      [1, 0],
      [3, 0],
    ]);
    await expectNoLeakedTensors(() => tf.grad((e: tf.Tensor) => semiHardTripletLoss(e, [0, 0, 1]))(embeddings));
    expect(() => semiHardTripletLoss(embeddings, [0, 1, 2, 3])).toThrow(
      /semiHardTripletLoss: expected labels of length 3/,
    );
    expect(() => semiHardTripletLoss(embeddings, [0, 1, 1], { margin: -0.1 })).toThrow(
      /expected margin >= 0, got -0.1/,
    );
    const vector = tf.tensor1d([1, 2]);
    expect(() => semiHardTripletLoss(vector, [0, 1])).toThrow(/expected embeddings of rank 2, got rank 1/);
    tf.dispose([embeddings, vector]);
  });
});
