import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { ArgumentError, ShapeError } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { randomFeatureExtractor } from './random-feature-extractor.js';
import { resizeToFit } from './resize-to-fit.js';
import { discImage } from './style-test-images.js';

async function featureValues(seed: number, padding: 'valid' | 'same' = 'valid') {
  const extractor = randomFeatureExtractor({ seed, scales: [5, 3], filters: 6, padding });
  const images = tf.tidy(() => tf.expandDims(discImage(), 0) as tf.Tensor4D);
  try {
    const features = extractor(images);
    const result = Object.fromEntries(
      await Promise.all(
        Object.entries(features).map(async ([name, map]) => [name, { shape: map.shape, values: await map.data() }]),
      ),
    );
    tf.dispose(Object.values(features));
    return { names: extractor.layerNames, result };
  } finally {
    extractor.dispose();
    images.dispose();
  }
}

describeEachBackend('randomFeatureExtractor', () => {
  test('one ReLU map per scale, smallest first, valid or same padding; seeded filters; nothing leaked', async () => {
    const { names, result } = await expectNoLeakedTensors(() => featureValues(3));
    expect(names).toEqual(['scale3', 'scale5']);
    expect(result.scale3?.shape).toEqual([1, 14, 14, 6]);
    expect(result.scale5?.shape).toEqual([1, 12, 12, 6]);
    const values = Array.from((result.scale3?.values ?? []) as Float32Array);
    expect(Math.min(...values)).toBe(0);
    expect(Math.max(...values)).toBeGreaterThan(0);
    expect((await featureValues(3)).result).toEqual(result);
    expect((await featureValues(4)).result.scale3?.values).not.toEqual(result.scale3?.values);
    expect((await featureValues(3, 'same')).result.scale5?.shape).toEqual([1, 16, 16, 6]);
  });

  test('a 1920x1280-like image shrinks to fit 8 px by block averages, then bilinear', async () => {
    await expectNoLeakedTensors(async () => {
      const constant = tf.fill([48, 32, 3], 0.25);
      const blocks = tf.tensor3d([0, 0, 1, 1, 0, 0, 1, 1], [2, 4, 1]);
      const rgb = tf.tile(blocks, [1, 1, 3]);
      try {
        const small = resizeToFit(constant, 8);
        const halved = resizeToFit(rgb, 2);
        expect(small.shape).toEqual([8, 5, 3]);
        expect(Array.from(await small.data()).every((v) => Math.abs(v - 0.25) < 1e-6)).toBe(true);
        expect(Array.from(await halved.data())).toEqual([0, 0, 0, 1, 1, 1]);
        const same = resizeToFit(rgb, 4);
        expect(same.shape).toEqual([2, 4, 3]);
        tf.dispose([small, halved, same]);
      } finally {
        tf.dispose([constant, blocks, rgb]);
      }
    });
  });

  test('bad options and images: clear errors, nothing leaked', async () => {
    const fn = /^randomFeatureExtractor: expected /;
    expect(() => randomFeatureExtractor({ scales: [] })).toThrow(fn);
    expect(() => randomFeatureExtractor({ scales: [3, 3] })).toThrow('non-empty list of distinct sizes, got [3,3]');
    expect(() => randomFeatureExtractor({ scales: [0] })).toThrow('scales[0] to be a positive integer, got 0');
    expect(() => randomFeatureExtractor({ filters: 1.5 })).toThrow(ArgumentError);
    expect(() => randomFeatureExtractor({ padding: 'full' as 'same' })).toThrow(/padding to be one of 'valid', 'same'/);
    expect(() => randomFeatureExtractor({ scale: [3] } as object)).toThrow(
      /unknown key 'scale'.*did you mean 'scales'/,
    );
    const extractor = randomFeatureExtractor({ scales: [3, 11], filters: 2 });
    const small = tf.zeros([1, 8, 8, 3]) as tf.Tensor4D;
    const grey = tf.zeros([1, 16, 16, 1]) as tf.Tensor4D;
    try {
      await expectNoLeakedTensors(() => {
        expect(() => extractor(small)).toThrow(
          "randomFeatureExtractor: expected images at least 11x11 (the largest scale, padding 'valid'), " +
            'got shape [1,8,8,3]',
        );
        expect(() => extractor(grey)).toThrow(ShapeError);
      });
      extractor.dispose();
      expect(() => extractor(small)).toThrow('expected an extractor that is not disposed, got a disposed one');
    } finally {
      tf.dispose([small, grey]);
      extractor.dispose();
    }
  });
});
