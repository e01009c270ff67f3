import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { test } from 'vitest';
import { LstmCell } from '../cells/lstm-cell.js';
import { setFusedSequences } from '../fused/fused-sequence-registry.js';
import { runSequence } from './run-sequence.js';

// tfjs 4.22's gradient of a one-output Unpack throws; the op-by-op path splits one step by a reshape.
describeEachBackend('runSequence, op-by-op, one time step', () => {
  test('gradients for x with and without a mask equal those of cell.step', async () => {
    const before = setFusedSequences(false);
    try {
      const cell = new LstmCell({ inputSize: 3, hiddenSize: 2, seed: 4 });
      const x = tf.randomNormal([2, 1, 3], 0, 1, 'float32', 5);
      const mask = tf.tensor2d([[1], [0]]);
      const weights = tf.tensor2d([[1, -2]]);
      const viaSequence = tf.grad((v: tf.Tensor) =>
        tf.sum(tf.mul(tf.reshape(runSequence(cell, v, { mask }).outputs, [2, 2]), weights)),
      )(x);
      // Reference: the cell's own step; the masked sample's output is zero, so its gradient is zero.
      const viaStep = tf.grad((v: tf.Tensor) => {
        const hidden = cell.step(tf.reshape(v, [2, 3]) as tf.Tensor2D, cell.zeroState(2)).hidden;
        return tf.sum(tf.mul(tf.mul(hidden, weights), tf.tensor2d([[1], [0]])));
      })(x);
      await expectTensorsClose(viaSequence, viaStep, { rtol: 1e-5, atol: 1e-6 });
      tf.dispose([x, mask, weights, viaSequence, viaStep]);
      cell.dispose();
    } finally {
      setFusedSequences(before);
    }
  });
});
