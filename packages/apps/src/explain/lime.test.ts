import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import { linearClassifier, valuesOf } from './explain-test-models.js';
import { lime } from './lime.js';
import { limeKernel } from './lime-kernel.js';
import { weightedRidge } from './weighted-ridge.js';

/** The 16 patches (2 x 2) of an 8 x 8 image and a coefficient for each. */
const segmentOf = (q: number) => Math.floor(Math.floor(q / 8) / 2) * 4 + Math.floor((q % 8) / 2);
const coefficients = Array.from({ length: 16 }, (_, j) => ((j * 5) % 7) - 3);

describeEachBackend('lime', () => {
  test('recovers the coefficients of a model linear in the segments (ridge and K-sparse)', async () => {
    // On an all-ones image, f(z) = 0.5 + sum_j c_j z_j when each pixel weighs c_j / 4 (4 pixels a patch).
    const model = linearClassifier(
      Array.from({ length: 64 }, (_, q) => (coefficients[segmentOf(q)] as number) / 4),
      0.5,
    );
    const images = tf.ones([1, 8, 8, 1]);
    try {
      const options = { patchSize: 2, samples: 120, classIndex: 0, output: 'logit', regularization: 1e-6 } as const;
      const result = await expectNoLeakedTensors(async () => {
        const { attributions, ...rest } = await lime(model.classify, images, options);
        return { map: await valuesOf(attributions), ...rest };
      });
      result.coefficients[0]?.forEach((c, j) => expect(c).toBeCloseTo(coefficients[j] as number, 4));
      expect(result.intercepts[0]).toBeCloseTo(0.5, 4);
      expect(result.scores[0]).toBeCloseTo(1, 6);
      result.map.forEach((a, q) => expect(a).toBeCloseTo((coefficients[segmentOf(q)] as number) / 4, 4));
      // Omega as a K-feature limit: the 4 largest |c| are kept (c = 3 at j = 5, 12; -3 at j = 0, 7; ties by fit).
      const sparse = await lime(model.classify, images, { ...options, features: 4, distance: 'l2' });
      sparse.attributions.dispose();
      const kept = (sparse.coefficients[0] as number[]).flatMap((c, j) => (c !== 0 ? [j] : []));
      expect(kept).toHaveLength(4);
      kept.forEach((j) => expect(Math.abs(coefficients[j] as number)).toBe(3));
    } finally {
      tf.dispose(images);
      model.dispose();
    }
  });
});

describe('LIME kernel and ridge', () => {
  test('pi_x by hand for cosine and L2 distances', () => {
    const masks = Uint8Array.of(1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0);
    const cosine = limeKernel(masks, 3, 4, 'cosine', 0.25);
    expect(cosine[0]).toBe(1);
    expect(cosine[1]).toBeCloseTo(Math.exp(-((1 - Math.sqrt(0.5)) ** 2) / 0.0625), 12);
    expect(cosine[2]).toBeCloseTo(Math.exp(-1 / 0.0625), 12);
    expect(limeKernel(masks, 3, 4, 'l2', 2)[1]).toBeCloseTo(Math.exp(-2 / 4), 12);
  });

  test('weighted ridge against a hand solution; the weights matter; lambda shrinks', () => {
    // Points (0, 1), (1, 3), (2, 4): with weights (1, 1, 0) the line goes through the first two.
    const fit = weightedRidge([0, 1, 2], [1, 3, 4], [1, 1, 0], 3, 1, 0);
    expect(fit?.coefficients[0]).toBeCloseTo(2, 10);
    expect(fit?.intercept).toBeCloseTo(1, 10);
    // Equal weights: slope 1.5, intercept 7/6 (least squares by hand).
    const plain = weightedRidge([0, 1, 2], [1, 3, 4], [1, 1, 1], 3, 1, 0);
    expect(plain?.coefficients[0]).toBeCloseTo(1.5, 10);
    expect(plain?.intercept).toBeCloseTo(8 / 3 - 1.5, 10);
    // lambda = 2: slope = Sxy / (Sxx + 2) = 3 / 4.
    expect(weightedRidge([0, 1, 2], [1, 3, 4], [1, 1, 1], 3, 1, 2)?.coefficients[0]).toBeCloseTo(0.75, 10);
    expect(weightedRidge([1, 1], [1, 2], [1, 1], 2, 1, 0)).toBeUndefined();
  });
});
