import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { logSoftmax, softmax } from '@baihua/core';
import { logSoftmaxJacobian, softmaxJacobian } from './softmax-jacobian.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

/** The Jacobian of fn over the last axis of a [B, K] input, row i from autograd of sum(fn(x)[:, i]). */
function autogradJacobian(fn: (x: tf.Tensor) => tf.Tensor, x: tf.Tensor2D): tf.Tensor {
  const [, classes] = x.shape;
  return tf.tidy(() => {
    const rows = Array.from({ length: classes }, (_, i) =>
      tf.grad((t: tf.Tensor) => tf.sum(tf.mul(fn(t), tf.oneHot(tf.tensor1d([i], 'int32'), classes))))(x),
    );
    return tf.stack(rows, 1); // [B, K (output i), K (input j)]
  });
}

describeEachBackend('softmaxJacobian and logSoftmaxJacobian', () => {
  const cases = [
    {
      name: 'softmaxJacobian',
      jacobian: softmaxJacobian,
      fn: (x: tf.Tensor) => softmax(x),
      fixture: 'softmax_lastAxis',
    },
    {
      name: 'logSoftmaxJacobian',
      jacobian: logSoftmaxJacobian,
      fn: (x: tf.Tensor) => logSoftmax(x),
      fixture: 'logSoftmax_lastAxis',
    },
  ];
  for (const { name, jacobian, fn, fixture } of cases) {
    test(`${name}: dy^T J equals PyTorch's dx`, async () => {
      const c = loadTorchFixture('activations.cases', fixture);
      const x = c.tensor('x');
      const dy = c.tensor('dy');
      const dx = tf.tidy(() => tf.squeeze(tf.matMul(tf.expandDims(dy, 1), jacobian(x)), [1]));
      await expectTensorsClose(dx, c.spec('dx'));
      tf.dispose([x, dy, dx]);
    });

    test(`${name}: equals the Jacobian autograd builds, rows sum to 0`, async () => {
      const x = tf.tensor2d([
        [0.5, -1, 2, 0],
        [10, -10, 3, 3],
      ]);
      const analytic = jacobian(x);
      const fromAutograd = autogradJacobian(fn, x);
      const rowSums = tf.sum(analytic, -1);
      await expectTensorsClose(analytic, fromAutograd, { atol: 1e-6, rtol: 1e-5 });
      await expectTensorsClose(rowSums, tf.zeros([2, 4]), { atol: 1e-6, rtol: 0 });
      tf.dispose([x, analytic, fromAutograd, rowSums]);
    });
  }

  test('shapes: [K] -> [K, K], [2, 3, 4] -> [2, 3, 4, 4]; equal logits give diag(1/K) - 1/K^2', async () => {
    const vector = tf.zeros([2]);
    const cube = tf.zeros([2, 3, 4]);
    const small = softmaxJacobian(vector);
    const large = softmaxJacobian(cube);
    const logLarge = logSoftmaxJacobian(cube);
    expect(large.shape).toEqual([2, 3, 4, 4]);
    expect(logLarge.shape).toEqual([2, 3, 4, 4]);
    await expectTensorsClose(small, [
      [0.25, -0.25],
      [-0.25, 0.25],
    ]);
    const first = tf.tidy(() => tf.slice(tf.reshape(large, [6, 4, 4]), [5, 0, 0], [1, 4, 4]));
    await expectTensorsClose(first, [
      [
        [0.1875, -0.0625, -0.0625, -0.0625],
        [-0.0625, 0.1875, -0.0625, -0.0625],
        [-0.0625, -0.0625, 0.1875, -0.0625],
        [-0.0625, -0.0625, -0.0625, 0.1875],
      ],
    ]);
    tf.dispose([vector, cube, small, large, logLarge, first]);
  });

  test('finite at +/-1e4', async () => {
    const x = tf.tensor([[1e4, -1e4, 0]]);
    const j = softmaxJacobian(x);
    const lj = logSoftmaxJacobian(x);
    await expectTensorsClose(
      j,
      [
        [
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ],
      ],
      { atol: 1e-6, rtol: 0 },
    );
    await expectTensorsClose(
      lj,
      [
        [
          [0, 0, 0],
          [-1, 1, 0],
          [-1, 0, 1],
        ],
      ],
      { atol: 1e-6, rtol: 0 },
    );
    tf.dispose([x, j, lj]);
  });

  test('bad input: rank 0, non-tensor, int32', () => {
    const scalar = tf.scalar(1);
    const ints = tf.tensor([1, 2], [2], 'int32');
    expect(() => softmaxJacobian(scalar)).toThrow(
      /^softmaxJacobian: expected x of rank >= 1, got rank 0 \(shape \[\]\)$/,
    );
    expect(() => logSoftmaxJacobian(ints)).toThrow(/^logSoftmaxJacobian: expected x of dtype float32, got int32$/);
    expect(() => softmaxJacobian(undefined as unknown as tf.Tensor)).toThrow(
      /^softmaxJacobian: expected x to be a tf\.Tensor, got undefined$/,
    );
    tf.dispose([scalar, ints]);
  });

  test('leave no tensors behind', async () => {
    const x = tf.tensor([[1, 2, 3]]);
    await expectNoLeakedTensors(() => [softmaxJacobian(x), logSoftmaxJacobian(x)]);
    x.dispose();
  });
  test('each Jacobian names itself when x has no class axis', () => {
    const x = tf.scalar(1);
    expect(() => softmaxJacobian(x)).toThrow(/^softmaxJacobian: /);
    expect(() => logSoftmaxJacobian(x)).toThrow(/^logSoftmaxJacobian: /);
    x.dispose();
  });
});
