// Constant and all-zero windows for the averaging pools and the global pools, on every backend:
// the documented values and gradients, written out by hand.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { avgPool2d, globalAvgPool2d, globalMaxPool2d, l2Pool2d } from '../index.js';

const valuesOf = async (t: tf.Tensor): Promise<number[]> => Array.from(await t.data());

describeEachBackend('pooling constant and all-zero inputs', () => {
  test("average pooling of a constant: the constant, and dy / (cells in the window) with 'same' padding", async () => {
    const x = tf.fill([1, 3, 3, 1], -2.5);
    const options = { poolSize: 2, strides: 2, padding: 'same' as const };
    await expectTensorsClose(avgPool2d(x, options), [
      [
        [[-2.5], [-2.5]],
        [[-2.5], [-2.5]],
      ],
    ]);
    const dy = tf.tensor4d([4, 8, 12, 16], [1, 2, 2, 1]);
    const dx = tf.grad((xi: tf.Tensor) => avgPool2d(xi, options))(x, dy);
    // Windows cover 2x2, 2x1, 1x2 and 1x1 cells: each cell gets its window's dy / count.
    expect(await valuesOf(dx)).toEqual([1, 1, 4, 1, 1, 4, 6, 6, 16]);
    tf.dispose([x, dy, dx]);
  });

  test('L2 pooling of a constant c: sqrt(n) |c|, gradient c / y = sign(c) / sqrt(n); all zeros: 0 and 0', async () => {
    const x = tf.tensor4d([3, 3, 0, 0, -1, -1, 3, 3, 0, 0, -1, -1], [1, 2, 6, 1]);
    const options = { poolSize: 2 };
    await expectTensorsClose(l2Pool2d(x, options), [[[[6], [0], [2]]]]);
    const dx = tf.grad((xi: tf.Tensor) => l2Pool2d(xi, options))(x);
    await expectTensorsClose(dx, [
      [
        [[0.5], [0.5], [0], [0], [-0.5], [-0.5]],
        [[0.5], [0.5], [0], [0], [-0.5], [-0.5]],
      ],
    ]);
    const finite = await valuesOf(dx);
    expect(finite.every(Number.isFinite)).toBe(true);
    tf.dispose([x, dx]);
  });

  test("L2 pooling with 'same' padding: the border windows' gradient is x / y too", async () => {
    const x = tf.fill([1, 3, 3, 1], 2);
    const options = { poolSize: 2, strides: 2, padding: 'same' as const };
    // Window sums of squares 16, 8, 8, 4: y = 4, 2 sqrt 2, 2 sqrt 2, 2; each cell gets 2 / y.
    const dx = tf.grad((xi: tf.Tensor) => l2Pool2d(xi, options))(x);
    const [a, b, c] = [2 / 4, 2 / (2 * Math.SQRT2), 1];
    await expectTensorsClose(dx, tf.tensor4d([a, a, b, a, a, b, b, b, c], [1, 3, 3, 1]).arraySync() as number[][][][]);
    tf.dispose([x, dx]);
  });

  test('global average pooling of a constant: the constant, gradient dy / (H W) everywhere', async () => {
    const x = tf.fill([2, 3, 2, 1], 7);
    await expectTensorsClose(globalAvgPool2d(x), [[7], [7]]);
    const dx = tf.grad((xi: tf.Tensor) => globalAvgPool2d(xi))(x, tf.tensor2d([[6], [-12]]));
    expect(await valuesOf(dx)).toEqual([1, 1, 1, 1, 1, 1, -2, -2, -2, -2, -2, -2]);
    tf.dispose([x, dx]);
  });

  test('global max pooling of a constant: every tied position receives the whole dy (tfjs Max gradient)', async () => {
    const x = tf.zeros([1, 2, 2, 2]);
    await expectTensorsClose(globalMaxPool2d(x), [[0, 0]]);
    const dx = tf.grad((xi: tf.Tensor) => globalMaxPool2d(xi))(x, tf.tensor2d([[3, -1]]));
    expect(await valuesOf(dx)).toEqual([3, -1, 3, -1, 3, -1, 3, -1]);
    tf.dispose([x, dx]);
  });
});
