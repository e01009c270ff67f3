// The seed's loss comparison table ("损失函数性能对比") claims: cross-entropy + softmax has a very low
// risk of vanishing gradients, MSE a high one, hinge a medium one. These tests measure the gradient
// each loss sends back to the logit of a confidently wrong answer (the README quotes the numbers).
import * as tf from '@tensorflow/tfjs-core';
import type { LossFunction } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { meanSquaredError } from './mean-squared-error.js';
import { multiClassHingeLoss } from './multi-class-hinge-loss.js';
import { sigmoidCrossEntropy } from './sigmoid-cross-entropy.js';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';

async function gradientAt(loss: (z: tf.Tensor) => tf.Tensor, logits: number[][]): Promise<number[]> {
  const z = tf.tensor2d(logits);
  const grad = tf.grad(loss)(z);
  const values = Array.from(await grad.data());
  tf.dispose([z, grad]);
  return values;
}

describeEachBackend('seed comparison table', () => {
  const wrongAnswer =
    'a confidently wrong answer (true class logit -10): CE + softmax still pushes with ~1, MSE + sigmoid with ~1e-4';
  test(wrongAnswer, async () => {
    const wrong = [[-10]];
    const target = tf.tensor2d([[1]]);
    const crossEntropy = await gradientAt((z) => sigmoidCrossEntropy(target, z), wrong);
    const squared = await gradientAt((z) => meanSquaredError(target, tf.sigmoid(z), { form: 'seed' }), wrong);
    target.dispose();
    expect(crossEntropy[0]).toBeCloseTo(-1, 3); // s(z) - t
    expect(Math.abs(squared[0] as number)).toBeLessThan(1e-4); // (s - t) s (1 - s): the sigmoid derivative vanishes
    expect(Math.abs(squared[0] as number)).toBeGreaterThan(0);
  });

  const softmaxSignal =
    'softmax: CE keeps the full error signal, hinge a constant 1/K per violated class, zero once the margin is met';
  test(softmaxSignal, async () => {
    const wrong = [[-10, 5, 0]];
    const ce = await gradientAt((z) => softmaxCrossEntropy([0], z), wrong);
    const hinge = await gradientAt((z) => multiClassHingeLoss([0], z), wrong);
    expect(ce[0]).toBeCloseTo(-1, 3);
    expect(hinge).toEqual([-2 / 3, 1 / 3, 1 / 3].map((v) => expect.closeTo(v, 5)));
    const right = await gradientAt((z) => multiClassHingeLoss([0], z), [[10, 5, 0]]);
    expect(right.every((v) => v === 0)).toBe(true);
  });

  test("the losses of (labels, predictions) fit core's LossFunction contract and return scalars", async () => {
    const contract: [LossFunction, tf.Tensor, tf.Tensor][] = [
      [softmaxCrossEntropy, tf.tensor1d([1], 'int32'), tf.tensor2d([[0.5, 1, -1]])],
      [sigmoidCrossEntropy, tf.tensor2d([[1, 0]]), tf.tensor2d([[0.5, 1]])],
      [meanSquaredError, tf.tensor2d([[1, 0]]), tf.tensor2d([[0.5, 1]])],
      [multiClassHingeLoss, tf.tensor1d([1], 'int32'), tf.tensor2d([[0.5, 1, -1]])],
    ];
    for (const [loss, labels, predictions] of contract) {
      const value = loss(labels, predictions);
      expect(value.rank).toBe(0);
      tf.dispose([value, labels, predictions]);
    }
  });
});
