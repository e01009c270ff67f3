import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { certifiedAccuracy, certify } from './certify.js';
import { normalCdf } from './normal-quantile.js';
import { smoothedPredict } from './smoothed-predict.js';
import { ABSTAIN } from './smoothing-options.js';

/** Always class 2 of 3, whatever the input [N, D]. */
const constant = (x: tf.Tensor) => tf.tidy(() => tf.tile(tf.tensor2d([[0, 0, 1]]), [x.shape[0] as number, 1]));
/** Class 1 iff the first feature exceeds 0.5: a linear boundary at distance |x0 - 0.5|. */
const threshold = (x: tf.Tensor) =>
  tf.tidy(() => {
    const first = tf.slice(x, [0, 0], [x.shape[0] as number, 1]);
    return tf.concat([tf.zerosLike(first), tf.sub(first, 0.5)], 1);
  });

describeEachBackend('randomised smoothing', (backend) => {
  const samples = backend === 'webgpu' ? 100 : 1000;

  test('certify: a constant classifier gets pA_lower = alpha^(1/n) and radius sigma Phi^-1 of it', async () => {
    const images = tf.fill([2, 3], 0.5);
    try {
      const result = await expectNoLeakedTensors(() =>
        certify(constant, images, { sigma: 0.25, samples, alpha: 0.001, batchSize: 250 }),
      );
      // scipy: beta.ppf(0.001, 1000, 1) = 0.9931160484209338, 0.25 * norm.ppf(that) = 0.6158156536952029;
      // beta.ppf(0.001, 100, 1) = 0.933254300796991, 0.25 * norm.ppf(that) = 0.3751187560301591.
      const [bound, radius] =
        samples === 1000 ? [0.9931160484209338, 0.6158156536952029] : [0.933254300796991, 0.3751187560301591];
      expect(result.predictions).toEqual([2, 2]);
      for (const value of result.lowerBounds) expect(value).toBeCloseTo(bound, 10);
      for (const value of result.radii) expect(value).toBeCloseTo(radius, 9);
      expect(certifiedAccuracy(result, [2, 1], 0.3)).toBe(0.5);
      expect(certifiedAccuracy(result, [2, 2], 0.7)).toBe(0);
    } finally {
      images.dispose();
    }
  });

  test('certify: near a linear boundary the radius is at most the true distance, and not far below it', async () => {
    // x0 = 0.7, sigma = 0.25: pA = Phi(0.2 / 0.25) = Phi(0.8); the smoothed classifier of a linear one is the
    // same linear classifier, so its exact radius is sigma Phi^-1(pA) = 0.2; the certified one is a lower bound.
    const images = tf.tensor2d([[0.7, 0.1]]);
    try {
      const result = await certify(threshold, images, { sigma: 0.25, samples: samples * 2, seed: 3 });
      expect(normalCdf(0.8)).toBeCloseTo(0.7881446014166034, 12);
      expect(result.predictions).toEqual([1]);
      expect(result.radii[0]).toBeLessThan(0.2);
      expect(result.radii[0]).toBeGreaterThan(samples === 1000 ? 0.12 : 0.02);
    } finally {
      images.dispose();
    }
  });

  test('smoothedPredict: clear votes answer, a coin-toss abstains', async () => {
    const images = tf.tensor2d([
      [0.5, 0],
      [0.95, 0],
      [0.05, 0],
    ]);
    try {
      const classes = await expectNoLeakedTensors(() =>
        smoothedPredict(threshold, images, { sigma: 0.25, samples, seed: 1 }),
      );
      expect(classes).toEqual([ABSTAIN, 1, 0]);
    } finally {
      images.dispose();
    }
  });
});
