import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import { createRandom } from '@baihua/core';
import { seededImages, tinyNetwork, valuesOf } from './explain-test-models.js';
import { kernelShap } from './kernel-shap.js';
import { shapleyCoalitions, shapleyKernelWeight } from './shapley-coalitions.js';
import { shapleyRegression } from './shapley-regression.js';

/** The segment of each pixel of an 8 x 8 image cut into 3 x 3 patches (3, 3, 2 per axis): 9 segments. */
const segmentOf = (q: number) => Math.floor(Math.floor(q / 8) / 3) * 3 + Math.floor((q % 8) / 3);

/** Exact Shapley values by enumeration of all 2^M coalitions: phi_i = sum_S |S|!(M-|S|-1)!/M! (v(S+i) - v(S)). */
function exactShapley(value: (coalition: number) => number, m: number): number[] {
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  return Array.from({ length: m }, (_, i) => {
    let phi = 0;
    for (let s = 0; s < 2 ** m; s++) {
      if ((s >> i) & 1) continue;
      const size = s
        .toString(2)
        .split('')
        .filter((b) => b === '1').length;
      phi += ((factorial(size) * factorial(m - size - 1)) / factorial(m)) * (value(s | (1 << i)) - value(s));
    }
    return phi;
  });
}

describeEachBackend('kernelShap', () => {
  test('equals the exact Shapley values (all 512 coalitions enumerated) of a tanh net, 9 segments', async () => {
    const model = tinyNetwork(11);
    const images = seededImages([2, 8, 8, 1], 3, 0.2, 1);
    try {
      const result = await expectNoLeakedTensors(async () => {
        const { attributions, ...rest } = await kernelShap(model, images, { patchSize: 3, classIndex: [1, 2] });
        return { map: await valuesOf(attributions), ...rest };
      });
      expect(result.exact).toBe(true);
      const x = Array.from(await images.data());
      for (const i of [0, 1]) {
        // v(S): the class probability with the segments outside S set to 0, all 512 coalitions in one batch.
        const masked = Float32Array.from({ length: 512 * 64 }, (_, k) => {
          const [s, q] = [Math.floor(k / 64), k % 64];
          return (s >> segmentOf(q)) & 1 ? (x[i * 64 + q] as number) : 0;
        });
        const probabilities = await valuesOf(tf.tidy(() => tf.softmax(model.apply(tf.tensor(masked, [512, 8, 8, 1])))));
        const value = (s: number) => probabilities[s * 3 + (i === 0 ? 1 : 2)] as number;
        const exact = exactShapley(value, 9);
        result.values[i]?.forEach((phi, j) => expect(phi).toBeCloseTo(exact[j] as number, 4));
        expect(result.baseValues[i]).toBeCloseTo(value(0), 5);
        // The map spreads each value over its pixels: it adds up to f(x) - f(background).
        const total = result.map.slice(i * 64, (i + 1) * 64).reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(value(511) - value(0), 4);
      }
    } finally {
      tf.dispose(images);
      model.dispose();
    }
  });

  test('sampled coalitions (< 2^M - 2) add up to f(x) - f(background), near the exact values', async () => {
    const model = tinyNetwork(5);
    const images = seededImages([1, 8, 8, 1], 9, 0.2, 1);
    try {
      const exact = await kernelShap(model, images, { patchSize: 3, classIndex: 0 });
      const sampled = await kernelShap(model, images, { patchSize: 3, classIndex: 0, samples: 300, seed: 2 });
      tf.dispose([exact.attributions, sampled.attributions]);
      expect(sampled.exact).toBe(false);
      const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
      expect(sum(sampled.values[0] as number[])).toBeCloseTo(sum(exact.values[0] as number[]), 5);
      const scale = Math.max(...(exact.values[0] as number[]).map(Math.abs));
      sampled.values[0]?.forEach((phi, j) =>
        expect(Math.abs(phi - (exact.values[0]?.[j] as number))).toBeLessThan(0.2 * scale),
      );
    } finally {
      tf.dispose(images);
      model.dispose();
    }
  });
});

describe('Shapley kernel and regression', () => {
  test('kernel weights by hand; sampled coalitions come in complementary pairs', () => {
    expect(shapleyKernelWeight(4, 1)).toBeCloseTo(3 / (4 * 1 * 3), 12);
    expect(shapleyKernelWeight(4, 2)).toBeCloseTo(3 / (6 * 2 * 2), 12);
    const sampled = shapleyCoalitions(12, 40, createRandom(1));
    expect(sampled.count).toBe(40);
    for (let s = 0; s < 40; s += 2)
      for (let j = 0; j < 12; j++)
        expect((sampled.masks[s * 12 + j] as number) + (sampled.masks[(s + 1) * 12 + j] as number)).toBe(1);
  });

  test('an additive game gives each player its number; a game of pairs is split evenly', () => {
    const coalitions = shapleyCoalitions(4, 100, createRandom(0));
    const numbers = [1, -2, 3, 0.5];
    const additive = Array.from({ length: coalitions.count }, (_, s) =>
      numbers.reduce((a, n, j) => a + n * (coalitions.masks[s * 4 + j] as number), 0),
    );
    Array.from(shapleyRegression(coalitions, 4, additive, 0, 2.5) ?? []).forEach((phi, j) =>
      expect(phi).toBeCloseTo(numbers[j] as number, 10),
    );
    // v(S) = 1 when players 0 and 1 are both in S: they share it, 0.5 each; the others get 0.
    const pair = Array.from(
      { length: coalitions.count },
      (_, s) => (coalitions.masks[s * 4] as number) * (coalitions.masks[s * 4 + 1] as number),
    );
    expect(Array.from(shapleyRegression(coalitions, 4, pair, 0, 1) ?? []).map((v) => Number(v.toFixed(10)))).toEqual([
      0.5, 0.5, 0, 0,
    ]);
  });
});
