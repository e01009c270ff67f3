import * as tf from '@tensorflow/tfjs-core';
import { checkGradients, describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { readScalar } from '../../test/loss-and-gradients.js';
import { gramMatrix } from './gram-matrix.js';
import { styleLoss } from './style-loss.js';

const gradient = (style: tf.Tensor) => (features: tf.Tensor) =>
  tf.grad((f: tf.Tensor) => styleLoss(f as tf.Tensor4D, style as tf.Tensor4D))(features);

describeEachBackend('styleLoss', () => {
  test('hand-computed: sum (G(F) - G(S))^2, with S of another height and width than F', async () => {
    const features = tf.tensor4d([1, 0], [1, 1, 1, 2]); // G(F) = [[1, 0], [0, 0]]
    const style = tf.tensor4d([0, 2, 2, 0], [1, 1, 2, 2]); // G(S) = [[2, 0], [0, 2]]
    try {
      expect(await readScalar(styleLoss(features as tf.Tensor4D, style as tf.Tensor4D))).toBeCloseTo(5, 5);
    } finally {
      tf.dispose([features, style]);
    }
  });

  test('a precomputed Gram gives the same value and gradient as the style features', async () => {
    const features = tf.randomNormal([2, 4, 3, 5], 0, 1, 'float32', 1) as tf.Tensor4D;
    const style = tf.randomNormal([2, 6, 2, 5], 0, 1, 'float32', 2) as tf.Tensor4D;
    const styleGram = gramMatrix(style);
    const fromFeatures = gradient(style)(features);
    const fromGram = gradient(styleGram)(features);
    try {
      const a = await readScalar(styleLoss(features, style));
      const b = await readScalar(styleLoss(features, styleGram));
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-5 * Math.abs(a));
      await expectTensorsClose(fromGram, fromFeatures);
      await checkGradients((f) => styleLoss(f as tf.Tensor4D, styleGram), [features]);
    } finally {
      tf.dispose([features, style, styleGram, fromFeatures, fromGram]);
    }
  });

  test('a style batch of 1 serves every item: the same as the style repeated B times', async () => {
    const features = tf.randomNormal([3, 4, 4, 2], 0, 1, 'float32', 5) as tf.Tensor4D;
    const one = tf.randomNormal([1, 5, 3, 2], 0, 1, 'float32', 6) as tf.Tensor4D;
    const repeated = tf.tile(one, [3, 1, 1, 1]);
    const oneGram = gramMatrix(one);
    const grads = [gradient(one)(features), gradient(repeated)(features), gradient(oneGram)(features)];
    try {
      const expected = await readScalar(styleLoss(features, repeated as tf.Tensor4D));
      for (const style of [one, oneGram]) expect(await readScalar(styleLoss(features, style))).toBeCloseTo(expected, 4);
      await expectTensorsClose(grads[0] as tf.Tensor, grads[1] as tf.Tensor);
      await expectTensorsClose(grads[2] as tf.Tensor, grads[1] as tf.Tensor);
      // The gradient with respect to the shared style sums the items' contributions.
      await checkGradients((s) => styleLoss(features, s as tf.Tensor4D), [one]);
    } finally {
      tf.dispose([features, one, repeated, oneGram, ...grads]);
    }
  });

  test('no leaks, forward and backward, both forms of style', async () => {
    const features = tf.ones([2, 2, 2, 3]) as tf.Tensor4D;
    const style = tf.zeros([1, 3, 3, 3]) as tf.Tensor4D;
    const styleGram = tf.zeros([2, 3, 3]) as tf.Tensor3D;
    try {
      for (const s of [style, styleGram]) {
        await expectNoLeakedTensors(() => styleLoss(features, s));
        await expectNoLeakedTensors(() => gradient(s)(features));
      }
    } finally {
      tf.dispose([features, style, styleGram]);
    }
  });
});
