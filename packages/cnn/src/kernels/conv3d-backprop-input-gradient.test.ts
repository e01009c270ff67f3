import * as tf from '@tensorflow/tfjs-core';
import { test } from 'vitest';
import { checkGradients, describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import '../index.js';
import { conv3dBackpropInput, type Volume5DShape } from './conv3d-backprop-input.js';

// conv3dBackpropInput is conv3dTranspose's forward: its gradients with respect to dy and the
// filter (which tfjs 4.22 lacks) are checked against finite differences on every backend.
const cases: [string, Volume5DShape, number[], [number, number, number], 'valid' | 'same'][] = [
  ["'same', strides [2, 1, 2], Cin 2 != Cout 3", [1, 5, 4, 3, 2], [3, 2, 2, 2, 3], [2, 1, 2], 'same'],
  ["'valid', stride 2 leaving a border the windows skip", [2, 5, 4, 4, 1], [2, 2, 3, 1, 2], [2, 2, 1], 'valid'],
];

describeEachBackend('gradient of conv3dBackpropInput (conv3dTranspose forward)', () => {
  test.each(cases)('%s: matches finite differences for dy and filter', async (_label, xShape, kShape, strides, pad) => {
    const outShape = tf.backend_util.computeConv3DInfo(xShape, kShape as Volume5DShape, strides, 1, pad).outShape;
    const dy = tf.randomUniform(outShape, -1, 1, 'float32', 1);
    const filter = tf.randomUniform(kShape, -1, 1, 'float32', 2);
    try {
      await checkGradients(
        (d, k) => conv3dBackpropInput(xShape, d as tf.Tensor5D, k as tf.Tensor5D, strides, pad),
        [dy, filter],
      );
    } finally {
      tf.dispose([dy, filter]);
    }
  });

  test('leaves no tensors behind', async () => {
    const dy = tf.ones([1, 3, 4, 2, 3]);
    const filter = tf.ones([3, 2, 2, 2, 3]);
    await expectNoLeakedTensors(() =>
      tf.grads((d: tf.Tensor, k: tf.Tensor) =>
        conv3dBackpropInput([1, 5, 4, 3, 2], d as tf.Tensor5D, k as tf.Tensor5D, [2, 1, 2], 'same'),
      )([dy, filter]),
    );
    tf.dispose([dy, filter]);
  });
});
