// Ties and constant inputs for the losses' reductions, on every backend: equal logits, a hinge
// exactly at its margin, triplets with equal distances, focal losses at p = 0.5. Expected values
// and gradients are written out from each loss's formula.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { binaryFocalLoss } from './binary-focal-loss.js';
import { categoricalFocalLoss } from './categorical-focal-loss.js';
import { multiClassHingeLoss } from './multi-class-hinge-loss.js';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';
import { tripletLoss } from './triplet-loss.js';

const LN2 = Math.LN2;
const scalar = async (t: tf.Tensor): Promise<number> => (await t.data())[0] as number;

describeEachBackend('losses at ties and constant inputs', () => {
  test("softmaxCrossEntropy of equal logits: ln K, gradient (1/K - t') / N, with label smoothing too", async () => {
    const labels = tf.tensor1d([2, 0], 'int32');
    const logits = tf.fill([2, 3], 5);
    const options = { labelSmoothing: 0.3 };
    expect(await scalar(softmaxCrossEntropy(labels, logits, options))).toBeCloseTo(Math.log(3), 5);
    const dz = tf.grad((z: tf.Tensor) => softmaxCrossEntropy(labels, z, options))(logits);
    // t' = 0.7 t + 0.1: the true class 0.8, the others 0.1.
    const [hit, miss] = [(1 / 3 - 0.8) / 2, (1 / 3 - 0.1) / 2];
    await expectTensorsClose(dz, [
      [miss, miss, hit],
      [hit, miss, miss],
    ]);
    tf.dispose([labels, logits, dz]);
  });

  test("multiClassHingeLoss: at the margin 0 with gradient 0; equal logits violate by the margin ('sum')", async () => {
    const labels = tf.tensor1d([0, 1], 'int32');
    const logits = tf.tensor2d([
      [0.75, 0, 0],
      [0.5, 0.5, 0.5],
    ]);
    const options = { margin: 0.75, reduction: 'sum' as const };
    expect(await scalar(multiClassHingeLoss(labels, logits, options))).toBeCloseTo((0.75 + 0.75) / 3, 6);
    const dz = tf.grad((z: tf.Tensor) => multiClassHingeLoss(labels, z, options))(logits);
    await expectTensorsClose(dz, [
      [0, 0, 0],
      [1 / 3, -2 / 3, 1 / 3],
    ]);
    tf.dispose([labels, logits, dz]);
  });

  test('tripletLoss with equal distances: the margin, gradients 2(n - p), -2(a - p), 2(a - n) over N', async () => {
    const [a, p, n] = [
      tf.tensor2d([
        [0, 0],
        [1, 1],
      ]),
      tf.tensor2d([
        [1, 0],
        [1, 3],
      ]),
      tf.tensor2d([
        [0, -1],
        [3, 1],
      ]),
    ];
    const options = { margin: 0.3 };
    expect(await scalar(tripletLoss(a, p, n, options))).toBeCloseTo(0.3, 6);
    const [da, dp, dn] = tf.grads((ai: tf.Tensor, pi: tf.Tensor, ni: tf.Tensor) => tripletLoss(ai, pi, ni, options))([
      a,
      p,
      n,
    ]);
    await expectTensorsClose(da as tf.Tensor, [
      [-1, -1],
      [2, -2],
    ]);
    await expectTensorsClose(dp as tf.Tensor, [
      [1, 0],
      [0, 2],
    ]);
    await expectTensorsClose(dn as tf.Tensor, [
      [0, 1],
      [-2, 0],
    ]);
    // Margin 0: exactly at the hinge's kink, where the loss is 0 and so is its gradient (relu'(0) = 0).
    expect(await scalar(tripletLoss(a, p, n, { margin: 0 }))).toBe(0);
    const atKink = tf.grad((ai: tf.Tensor) => tripletLoss(ai, p, n, { margin: 0 }))(a);
    await expectTensorsClose(atKink, [
      [0, 0],
      [0, 0],
    ]);
    tf.dispose([a, p, n, da as tf.Tensor, dp as tf.Tensor, dn as tf.Tensor, atKink]);
  });

  test('binaryFocalLoss at p = 0.5 (logit 0): alpha_t ln2 / 4, gradient -/+ alpha_t (0.5 + ln2) / 4', async () => {
    const targets = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    const logits = tf.zeros([2, 2]);
    // gamma 2, alpha 0.25: alpha_t is 0.25 for t = 1 and 0.75 for t = 0; (1 - p_t)^2 = 1/4; 'mean' over 4.
    expect(await scalar(binaryFocalLoss(targets, logits))).toBeCloseTo(
      ((0.25 + 0.75 + 0.75 + 0.25) / 4) * (LN2 / 4),
      6,
    );
    const dz = tf.grad((z: tf.Tensor) => binaryFocalLoss(targets, z))(logits);
    const [positive, negative] = [(-0.25 * (0.5 + LN2)) / 4 / 4, (0.75 * (0.5 + LN2)) / 4 / 4];
    await expectTensorsClose(dz, [
      [positive, negative],
      [negative, positive],
    ]);
    tf.dispose([targets, logits, dz]);
  });

  // g = alpha q^gamma (gamma p r - 1) for the true class, with p = q = 1/2 and r = ln p / q = -2 ln2.
  test('categoricalFocalLoss of two equal logits (p = 0.5): alpha ln2 / 4, gradient +/- g / 2', async () => {
    const labels = tf.tensor1d([1, 0], 'int32');
    const logits = tf.fill([2, 2], -3);
    const options = { alpha: 0.5 };
    expect(await scalar(categoricalFocalLoss(labels, logits, options))).toBeCloseTo((0.5 * LN2) / 4, 6);
    const dz = tf.grad((z: tf.Tensor) => categoricalFocalLoss(labels, z, options))(logits);
    const g = (0.5 * (-2 * LN2 - 1)) / 4;
    await expectTensorsClose(dz, [
      [-g / 2 / 2, g / 2 / 2],
      [g / 2 / 2, -g / 2 / 2],
    ]);
    tf.dispose([labels, logits, dz]);
  });
});
