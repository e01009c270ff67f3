import * as tf from '@tensorflow/tfjs-core';
import { checkGradients, describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectCloseThenDispose } from '../../test/loss-and-gradients.js';
import { gramMatrix } from './gram-matrix.js';

describeEachBackend('gramMatrix', () => {
  test('hand-computed: F^T F / (H W) per batch item, each item on its own', async () => {
    // Item 0: positions (1, 2), (3, 4); item 1: positions (0, 1), (2, 0).
    const features = tf.tensor4d([1, 2, 3, 4, 0, 1, 2, 0], [2, 1, 2, 2]);
    try {
      await expectCloseThenDispose(gramMatrix(features), [
        [
          [5, 7],
          [7, 10],
        ],
        [
          [2, 0],
          [0, 0.5],
        ],
      ]);
    } finally {
      features.dispose();
    }
  });

  test('the hand-written gradient F (dG + dG^T) / (H W) agrees with finite differences and with autograd', async () => {
    const features = tf.randomNormal([2, 3, 2, 4], 0, 1, 'float32', 3) as tf.Tensor4D;
    const dy = tf.randomNormal([2, 4, 4], 0, 1, 'float32', 4);
    const plain = (f: tf.Tensor): tf.Tensor => {
      const positions = tf.reshape(f, [2, 6, 4]) as tf.Tensor3D;
      return tf.sum(tf.mul(tf.div(tf.matMul(positions, positions, true, false), 6), dy));
    };
    const ours = (f: tf.Tensor): tf.Tensor => tf.sum(tf.mul(gramMatrix(f as tf.Tensor4D), dy));
    const [expected, actual] = [tf.grad(plain)(features), tf.grad(ours)(features)];
    try {
      await expectTensorsClose(actual, expected);
      await checkGradients((f) => gramMatrix(f as tf.Tensor4D), [features]);
    } finally {
      tf.dispose([features, dy, expected, actual]);
    }
  });

  test('symmetric, and a 1 x 1 map gives the outer product of its channels', async () => {
    const single = tf.tensor4d([2, -1, 3], [1, 1, 1, 3]);
    const features = tf.randomUniform([1, 5, 3, 6], -1, 1, 'float32', 9) as tf.Tensor4D;
    const gram = gramMatrix(features);
    const transposed = tf.transpose(gram, [0, 2, 1]);
    try {
      await expectTensorsClose(gram, transposed, { rtol: 0, atol: 1e-6 });
      await expectCloseThenDispose(gramMatrix(single), [
        [
          [4, -2, 6],
          [-2, 1, -3],
          [6, -3, 9],
        ],
      ]);
    } finally {
      tf.dispose([single, features, gram, transposed]);
    }
  });

  test('no leaks, forward and backward', async () => {
    const features = tf.ones([2, 2, 2, 3]) as tf.Tensor4D;
    try {
      await expectNoLeakedTensors(() => gramMatrix(features));
      await expectNoLeakedTensors(() => tf.grad((f: tf.Tensor) => tf.sum(gramMatrix(f as tf.Tensor4D)))(features));
      expect(features.isDisposed).toBe(false);
    } finally {
      features.dispose();
    }
  });
});
