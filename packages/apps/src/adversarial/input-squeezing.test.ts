import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { compressFeatures, reduceBitDepth, squeezedClassifier } from './input-squeezing.js';

describeEachBackend('input squeezing', () => {
  test('reduceBitDepth rounds to 2^bits levels of the bounds (values by hand)', async () => {
    const x = tf.tensor1d([0, 0.1, 0.4, 0.6, 0.8, 1]);
    const y = tf.tensor1d([-1, 10, 150, 255]);
    try {
      await expectNoLeakedTensors(async () => {
        const one = reduceBitDepth(x, 1);
        const two = reduceBitDepth(x, 2);
        const bytes = reduceBitDepth(y, 1, { bounds: [0, 255] });
        await expectTensorsClose(one, [0, 0, 0, 1, 1, 1]);
        await expectTensorsClose(two, [0, 0, 1 / 3, 2 / 3, 2 / 3, 1]);
        await expectTensorsClose(bytes, [0, 0, 255, 255]);
        tf.dispose([one, two, bytes]);
      });
    } finally {
      tf.dispose([x, y]);
    }
  });

  test('compressFeatures maps the bounds onto [-1, 1] and cuts off overshoot', async () => {
    const x = tf.tensor1d([0, 0.25, 1, 1.7, -0.2]);
    try {
      const y = compressFeatures(x);
      await expectTensorsClose(y, [-1, -0.5, 1, 1, -1]);
      y.dispose();
      const z = compressFeatures(x, { bounds: [0, 0.5] });
      await expectTensorsClose(z, [-1, 0, 1, 1, -1]);
      z.dispose();
      expect(() => compressFeatures(x, { bounds: [1, 0] })).toThrow(/compressFeatures: expected options.bounds/);
      expect(() => reduceBitDepth(x, 0)).toThrow(/reduceBitDepth: expected bits to be an integer in \[1, 16\], got 0/);
    } finally {
      x.dispose();
    }
  });

  test('squeezedClassifier squeezes before classifying and leaks nothing', async () => {
    const x = tf.tensor2d([[0.45, 0.55]]);
    try {
      const identity = (t: tf.Tensor) => tf.clone(t);
      const squeezed = squeezedClassifier(identity, (t) => reduceBitDepth(t, 1));
      const out = await expectNoLeakedTensors(async () => {
        const y = squeezed(x);
        const values = Array.from(await y.data());
        y.dispose();
        return values;
      });
      expect(out).toEqual([0, 1]);
    } finally {
      x.dispose();
    }
  });
});
