import * as tf from '@tensorflow/tfjs-core';
import { checkGradients, describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { expectLossAndGradients, readScalar } from '../../test/loss-and-gradients.js';
import { totalVariationLoss } from './total-variation-loss.js';

const tv = (form: 'squared' | 'absolute') => (x: tf.Tensor) => totalVariationLoss(x as tf.Tensor4D, { form });

describeEachBackend('totalVariationLoss', () => {
  test('hand-computed 2 x 2 image, both forms, values and gradients (0 where neighbours are equal)', async () => {
    // x = [[a, b], [c, d]] = [[0, 1], [3, 3]]: vertical c - a = 3, d - b = 2; horizontal b - a = 1, d - c = 0.
    const image = tf.tensor4d([0, 1, 3, 3], [1, 2, 2, 1]);
    try {
      // squared: 9 + 4 + 1 + 0; dL/da = -2(c - a) - 2(b - a), dL/db = -2(d - b) + 2(b - a), ...
      await expectLossAndGradients(tv('squared'), [image], {
        value: 14,
        gradients: [{ shape: [1, 2, 2, 1], data: [-8, -2, 6, 4] }],
      });
      // absolute: 3 + 2 + 1 + 0; d - c = 0 contributes no gradient to c or d.
      await expectLossAndGradients(tv('absolute'), [image], {
        value: 6,
        gradients: [{ shape: [1, 2, 2, 1], data: [-2, 0, 1, 1] }],
      });
      expect(await readScalar(totalVariationLoss(image))).toBe(14);
    } finally {
      image.dispose();
    }
  });

  test('sums over batch and channels; a single row or column has one direction; 1 x 1 gives 0', async () => {
    const row = tf.tensor4d([0, 10, 1, 10, 3, 10, 1, 0, 1, 0, 1, 0], [2, 1, 3, 2]); // channel 1 steps only in item 1
    const single = tf.tensor4d([5, -5], [2, 1, 1, 1]);
    const column = tf.transpose(row, [0, 2, 1, 3]);
    try {
      // channel 0: item 0 (0, 1, 3): 1 + 4, item 1 (1, 1, 1): 0; channel 1: item 0 constant, item 1 (0, 0, 0): 0.
      expect(await readScalar(totalVariationLoss(row as tf.Tensor4D))).toBeCloseTo(5, 5);
      expect(await readScalar(totalVariationLoss(column as tf.Tensor4D))).toBeCloseTo(5, 5);
      expect(await readScalar(totalVariationLoss(row as tf.Tensor4D, { form: 'absolute' }))).toBeCloseTo(3, 5);
      expect(await readScalar(totalVariationLoss(single as tf.Tensor4D))).toBe(0);
    } finally {
      tf.dispose([row, single, column]);
    }
  });

  test('gradients agree with finite differences on a random batch, both forms', async () => {
    const images = tf.randomUniform([2, 3, 4, 2], 0, 1, 'float32', 11);
    // For |d| every difference must stay clear of the kink at 0 by more than the step (1e-2): the
    // values 0, 0.1, ..., 4.7 in a fixed shuffled order.
    const order = Array.from({ length: 48 }, (_, i) => (i * 29) % 48);
    const spaced = tf.tensor4d(
      order.map((k) => k / 10),
      [2, 3, 4, 2],
    );
    try {
      await checkGradients(tv('squared'), [images]);
      await checkGradients(tv('absolute'), [spaced]);
    } finally {
      tf.dispose([images, spaced]);
    }
  });

  test('no leaks, forward and backward', async () => {
    const images = tf.ones([1, 3, 3, 3]);
    try {
      for (const form of ['squared', 'absolute'] as const) {
        await expectNoLeakedTensors(() => tv(form)(images));
        await expectNoLeakedTensors(() => tf.grad(tv(form))(images));
      }
    } finally {
      images.dispose();
    }
  });
});
