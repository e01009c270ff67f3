// The pooling ops' refusals name the function and the argument (mutation testing found these
// unchecked), an int32 mask pools like a bool one on every backend, and windowCounts' 'valid' form
// is the plain window size (avgPool2d never asks for it, so no other test reaches it).
import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { avgPool3d } from './avg-pool3d.js';
import { globalAvgPool1d, globalMaxPool1d } from './global-pool1d.js';
import { globalAvgPool2d, globalMaxPool2d } from './global-pool2d.js';
import { maxPool3d } from './max-pool3d.js';
import { windowCounts } from './window-sum.js';

describeEachBackend('pooling argument checks', () => {
  test('an int32 mask pools like the bool mask with the same steps', async () => {
    const x = tf.tensor3d([1, -2, 10, 20, 3, 4, -5, 6, -7, -8, 9, 100], [2, 3, 2]);
    const mask = tf.tensor2d([1, 0, 1, 0, 1, 0], [2, 3], 'int32');
    await expectTensorsClose(globalAvgPool1d(x, { mask }), [
      [2, 1],
      [-7, -8],
    ]);
    await expectTensorsClose(globalMaxPool1d(x, { mask }), [
      [3, 4],
      [-7, -8],
    ]);
    tf.dispose([x, mask]);
  });

  test('refusals name the function and the argument, and leak nothing', () => {
    const image = tf.zeros([1, 2, 2, 1]);
    const volume = tf.zeros([1, 2, 2, 2, 1]);
    const sequence = tf.zeros([1, 3, 2]);
    const stringMask = tf.tensor2d([['a', 'b', 'c']]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) {
      expect(() => globalAvgPool2d(image, { keepdims: true } as never)).toThrow(
        /^globalAvgPool2d: unknown key 'keepdims' in options/,
      );
      expect(() => globalAvgPool2d(sequence)).toThrow(/^globalAvgPool2d: expected input of rank 4/);
      expect(() => globalMaxPool2d(sequence)).toThrow(/^globalMaxPool2d: expected input of rank 4/);
      expect(() => maxPool3d(volume, { poolSize: 2, stride: 1 } as never)).toThrow(
        /^maxPool3d: unknown key 'stride' in options/,
      );
      expect(() => avgPool3d(volume, { poolSize: 2, paddin: 'same' } as never)).toThrow(
        /^avgPool3d: unknown key 'paddin' in options/,
      );
      expect(() => globalAvgPool1d(sequence, { mask: stringMask })).toThrow(
        /^globalAvgPool1d: expected options\.mask .*string/,
      );
      expect(() => globalMaxPool1d(sequence, { mask: stringMask })).toThrow(
        /^globalMaxPool1d: expected options\.mask .*string/,
      );
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([image, volume, sequence, stringMask]);
  });
});

test("windowCounts: 'valid' windows are whole, so the count is the window size, a number", () => {
  expect(windowCounts([1, 6, 6, 1], { poolSize: [2, 3], strides: [2, 3], padding: 'valid' })).toBe(6);
  expect(windowCounts([1, 5, 5, 1], { poolSize: [3, 1], strides: [1, 1], padding: 'valid' })).toBe(3);
});
