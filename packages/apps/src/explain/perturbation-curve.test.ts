import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import { areaUnderCurve } from './area-under-curve.js';
import { linearClassifier, seededImages } from './explain-test-models.js';
import { deletionCurve, insertionCurve } from './perturbation-curve.js';
import { randomAttribution } from './random-attribution.js';

/** Known relevance: 8 of 64 pixels carry the class, the rest nothing. */
const weights = Array.from({ length: 64 }, (_, q) => (q % 8 === 3 ? 1.5 : 0));

describeEachBackend('deletion and insertion curves', () => {
  test('the true attribution w * x deletes faster and inserts faster than a random order', async () => {
    const model = linearClassifier(weights, -1);
    const images = seededImages([3, 8, 8, 1], 8, 0.3, 1);
    const truth = tf.tidy(() => tf.mul(images, tf.reshape(tf.tensor1d(weights), [1, 8, 8, 1])));
    const random = randomAttribution(images, { seed: 3 });
    try {
      const options = { classIndex: 0, steps: 8 };
      const deleted = await expectNoLeakedTensors(() => deletionCurve(model.classify, images, truth, options));
      const deletedAtRandom = await deletionCurve(model.classify, images, random, options);
      expect(deleted.meanAuc).toBeLessThan(deletedAtRandom.meanAuc - 0.1);
      const inserted = await insertionCurve(model.classify, images, truth, options);
      const insertedAtRandom = await insertionCurve(model.classify, images, random, options);
      expect(inserted.meanAuc).toBeGreaterThan(insertedAtRandom.meanAuc + 0.1);
      // The ends: the image itself and the all-fill image, p = sigmoid(2 (w.x - 1)) for logits [z, -z].
      const x = Array.from(await images.data());
      const p = (z: number) => 1 / (1 + Math.exp(-2 * z));
      const wx = weights.reduce((a: number, w, q) => a + w * (x[q] as number), 0);
      expect(deleted.curves[0]?.[0]).toBeCloseTo(p(wx - 1), 5);
      expect(deleted.curves[0]?.[8]).toBeCloseTo(p(-1), 5);
      expect(inserted.curves[0]?.[0]).toBeCloseTo(p(-1), 5);
      // The true order removes all 8 relevant pixels in the first step (64 / 8 = 8 pixels a step).
      expect(deleted.curves[0]?.[1]).toBeCloseTo(p(-1), 5);
      expect(deleted.fractions).toEqual([0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1]);
      expect(deleted.auc[0]).toBeCloseTo(areaUnderCurve(deleted.fractions, deleted.curves[0] as number[]), 10);
    } finally {
      tf.dispose([images, truth, random]);
      model.dispose();
    }
  });
});

describe('areaUnderCurve and randomAttribution', () => {
  test('trapezoid areas by hand; a seeded random order', () => {
    expect(areaUnderCurve([0, 0.5, 1], [1, 0.5, 0])).toBeCloseTo(0.5, 12);
    expect(areaUnderCurve([0, 1], [1, 1])).toBe(1);
    expect(() => areaUnderCurve([0], [1])).toThrow(/areaUnderCurve: expected x and y of the same length >= 2/);
  });
});
