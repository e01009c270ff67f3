import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { createRandom } from '@baihua/core';
import { loadDigits } from './load-digits.js';
import { shiftImages } from './shift-images.js';
import { trainMlp } from './train-mlp.js';

test('loadDigits: a seeded, disjoint split of real digits', () => {
  const a = loadDigits({ train: 50, test: 20, seed: 1 });
  const b = loadDigits({ train: 50, test: 20, seed: 1 });
  const c = loadDigits({ train: 50, test: 20, seed: 2 });
  expect(Array.from(a.train.labels)).toEqual(Array.from(b.train.labels));
  expect(Array.from(a.train.labels)).not.toEqual(Array.from(c.train.labels));
  expect(a.train.images.length).toBe(50 * 784);
  expect(Math.max(...a.train.images)).toBeLessThanOrEqual(1);
  expect(new Set(a.train.labels).size).toBeGreaterThan(5);
  expect(() => loadDigits({ train: 9000, test: 2000, seed: 1 })).toThrow(/asked for 9000 \+ 2000 digits/);
});

// The whole MNIST run is one backend's job in CI (cpu and wasm are both fast enough; wasm is the
// example's default). The shift op is checked on every backend.
describeEachBackend(
  'small MNIST run',
  () => {
    test('500 digits, 6 epochs: the loss falls well below its start', async () => {
      const { model, history, testAccuracy } = await trainMlp({
        train: 500,
        test: 200,
        epochs: 6,
        learningRate: 3e-3,
        seed: 3,
        progress: 'none',
      });
      const loss = history.get('loss');
      expect(loss[0]).toBeGreaterThan(1);
      expect(loss.at(-1)).toBeLessThan(0.5 * (loss[0] as number));
      expect(testAccuracy).toBeGreaterThan(0.75);
      model.dispose();
    }, 30_000);
  },
  { backends: ['wasm'] },
);

describeEachBackend('shiftImages', () => {
  test('moves each image by its own offset of up to 2 px, filling with zeros', async () => {
    const image = new Float32Array(784);
    image[14 * 28 + 14] = 1; // one bright pixel in the middle
    const batch = tf.tensor2d([...image, ...image, ...image], [3, 784]);
    const random = createRandom(5);
    const shifted = shiftImages(batch, random, 2);
    const values = await shifted.data();
    const replay = createRandom(5);
    for (let b = 0; b < 3; b++) {
      const dy = replay.integer(5);
      const dx = replay.integer(5);
      const row = Array.from(values.slice(b * 784, (b + 1) * 784));
      expect(row.reduce((s, v) => s + v, 0)).toBe(1);
      expect(row.indexOf(1)).toBe((14 + 2 - dy) * 28 + (14 + 2 - dx));
    }
    const none = shiftImages(batch, createRandom(1), 0);
    await expectTensorsClose(none, batch, { rtol: 0, atol: 0 });
    tf.dispose([batch, shifted, none]);
  });
});
