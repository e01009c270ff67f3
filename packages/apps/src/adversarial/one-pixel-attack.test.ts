import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { onePixelAttack } from './one-pixel-attack.js';

// A hand-made classifier of 4x4 images with C channels whose decision hangs on single pixels:
// z0 = 1, z1 = 4 * (channel sum at row 2, column 3), z2 = 4 * (channel sum at row 0, column 1).
// Blank images are class 0; one bright pixel at (x=3, y=2) makes them class 1, at (x=1, y=0) class 2.
const onePixelClassifier = (x: tf.Tensor) =>
  tf.tidy(() => {
    const rows = x.shape[0] as number;
    const pixelSums = tf.sum(x, 3); // [N, 4, 4]
    const at = (y: number, col: number) => tf.reshape(tf.slice(pixelSums, [0, y, col], [rows, 1, 1]), [rows, 1]);
    return tf.concat([tf.ones([rows, 1]), tf.mul(at(2, 3), 4), tf.mul(at(0, 1), 4)], 1);
  });

async function changedPixels(a: tf.Tensor, b: tf.Tensor): Promise<number[]> {
  const [rows, height, width, channels] = a.shape as number[] as [number, number, number, number];
  const [x, y] = [await a.data(), await b.data()];
  const counts: number[] = [];
  for (let n = 0; n < rows; n++) {
    let changed = 0;
    for (let p = 0; p < height * width; p++) {
      const base = (n * height * width + p) * channels;
      if (Array.from({ length: channels }, (_, c) => x[base + c] !== y[base + c]).some(Boolean)) changed++;
    }
    counts.push(changed);
  }
  return counts;
}

describeEachBackend('onePixelAttack', (backend) => {
  const small = { populationSize: backend === 'webgpu' ? 12 : 40, iterations: backend === 'webgpu' ? 10 : 30, seed: 3 };

  test('flips a classifier that hangs on one pixel, changing at most k pixels (1 and 3 px)', async () => {
    const images = tf.zeros([2, 4, 4, 1]);
    try {
      for (const pixels of [1, 3]) {
        const result = await expectNoLeakedTensors(async () => {
          const r = await onePixelAttack(onePixelClassifier, images, [0, 0], { ...small, pixels });
          const changed = await changedPixels(images, r.adversarial);
          r.adversarial.dispose();
          return { ...r, changed };
        });
        expect(result.successRate).toBe(1);
        for (const count of result.changed) expect(count).toBeLessThanOrEqual(pixels);
        for (const count of result.changed) expect(count).toBeGreaterThanOrEqual(1);
      }
    } finally {
      images.dispose();
    }
  });

  test('targeted, with two channels: reaches class 2 through the pixel at (x=1, y=0)', async () => {
    const images = tf.fill([1, 4, 4, 2], 0.1);
    try {
      const result = await onePixelAttack(onePixelClassifier, images, [0], { ...small, targets: [2] });
      const values = await result.adversarial.data();
      const changed = await changedPixels(images, result.adversarial);
      result.adversarial.dispose();
      expect(result.success).toEqual([true]);
      expect(result.predictions).toEqual([2]);
      expect(changed).toEqual([1]);
      expect((values[2] as number) + (values[3] as number)).toBeGreaterThan(0.25); // pixel (x=1, y=0), both channels
    } finally {
      images.dispose();
    }
  });

  test('the evolution finds what its first generation misses: one pixel, one value range', async () => {
    // Class 1 needs pixel (x=5, y=6) of an 8x8 image at >= 0.95; its probability rises smoothly towards it.
    const needle = (x: tf.Tensor) =>
      tf.tidy(() => {
        const rows = x.shape[0] as number;
        const value = tf.reshape(tf.slice(x, [0, 6, 5, 0], [rows, 1, 1, 1]), [rows, 1]);
        return tf.concat([tf.zeros([rows, 1]), tf.mul(tf.sub(value, 0.95), 20)], 1);
      });
    const images = tf.zeros([1, 8, 8, 1]);
    try {
      const options = { populationSize: 16, seed: 5 };
      const once = await onePixelAttack(needle, images, [0], { ...options, iterations: 1 });
      const evolved = await onePixelAttack(needle, images, [0], { ...options, iterations: 60 });
      const changed = await changedPixels(images, evolved.adversarial);
      tf.dispose([once.adversarial, evolved.adversarial]);
      expect(once.success).toEqual([false]);
      expect(evolved.success).toEqual([true]);
      expect(changed).toEqual([1]);
    } finally {
      images.dispose();
    }
  });

  test('an image already misclassified is left as it is', async () => {
    const images = tf.zeros([1, 4, 4, 1]);
    try {
      const result = await onePixelAttack(onePixelClassifier, images, [1], small);
      expect(await changedPixels(images, result.adversarial)).toEqual([0]);
      result.adversarial.dispose();
      expect(result.attacked).toBe(0);
      expect(Number.isNaN(result.successRate)).toBe(true);
    } finally {
      images.dispose();
    }
  });
});
