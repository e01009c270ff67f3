import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { test } from 'vitest';
import { expectLossAndGradients } from '../../test/loss-and-gradients.js';
import { contentLoss } from './content-loss.js';

describeEachBackend('contentLoss', () => {
  test('hand-computed: 1/2 sum (F - P)^2 over batch, positions and channels; gradient F - P', async () => {
    const features = tf.tensor4d([1, 2, 0, -1, 3, 3], [2, 1, 3, 1]);
    const target = tf.tensor4d([0, 0, 0, 1, 1, 3], [2, 1, 3, 1]) as tf.Tensor4D;
    try {
      // (1 + 4 + 0) + (4 + 4 + 0) = 13, halved.
      await expectLossAndGradients((f) => contentLoss(f as tf.Tensor4D, target), [features], {
        value: 6.5,
        gradients: [{ shape: [2, 1, 3, 1], data: [1, 2, 0, -2, 2, 0] }],
      });
      await expectNoLeakedTensors(() => tf.grad((f: tf.Tensor) => contentLoss(f as tf.Tensor4D, target))(features));
    } finally {
      tf.dispose([features, target]);
    }
  });
});
