// Equal logits (a tie across the whole class axis) on every backend: softmax is exactly uniform,
// logSoftmax is -ln K, and the gradients follow the Jacobians at the uniform point:
//   d sum(w softmax(x)) / dx = p (w - sum(p w)) with p = 1/K;   d sum(w logSoftmax(x)) / dx = w - sum(w) / K.
import * as tf from '@tensorflow/tfjs-core';
import { test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { logSoftmax } from './log-softmax.js';
import { softmax } from './softmax.js';

const K = 4;
const rows = [0, 37.5, -1e3]; // any constant row, also large ones, gives the same answer
const w = [1, -2, 0.5, 3];
const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;

describeEachBackend('softmax and logSoftmax of equal logits', () => {
  test('softmax: 1/K everywhere, gradient p (w - mean(w))', async () => {
    const x = tf.tensor2d(rows.map((c) => new Array(K).fill(c)));
    await expectTensorsClose(softmax(x), new Array(rows.length).fill(new Array(K).fill(1 / K)));
    const weights = tf.tensor2d(rows.map(() => w));
    const dx = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(softmax(xi), weights)))(x);
    const expected = w.map((wk) => (wk - mean(w)) / K);
    await expectTensorsClose(dx, new Array(rows.length).fill(expected));
    tf.dispose([x, weights, dx]);
  });

  test('logSoftmax along axis 0: -ln K everywhere, gradient w - sum(w) / K', async () => {
    const x = tf.tensor2d(new Array(K).fill(rows)); // [K, 3]: the class axis is axis 0 here
    await expectTensorsClose(logSoftmax(x, { axis: 0 }), new Array(K).fill(new Array(rows.length).fill(-Math.log(K))));
    const weights = tf.tensor2d(w.map((wk) => new Array(rows.length).fill(wk)));
    const dx = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(logSoftmax(xi, { axis: 0 }), weights)))(x);
    await expectTensorsClose(
      dx,
      w.map((wk) => new Array(rows.length).fill(wk - mean(w))),
    );
    tf.dispose([x, weights, dx]);
  });
});
