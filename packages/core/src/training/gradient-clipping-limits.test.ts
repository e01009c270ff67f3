// Clipping below, at and above its limit, on every backend: below and at the limit the gradients
// come through bit for bit (a clip that divides by the norm instead of max(norm, limit) would scale
// every small gradient up to the limit); above it they are scaled to the limit, direction kept.
// Ten gradient tensors, more than webgpu's AddN could sum before norms were summed pairwise.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import { clipGradientsByGlobalNorm, clipGradientsByValue } from './gradient-clipping.js';

/** Ten gradients whose squares add up to exactly 25 (nine entries of +-1, one of 4): norm 5. */
const normFive: { values: number[]; shape: number[] }[] = [
  { values: [0, 1, 0, 0], shape: [2, 2] },
  { values: [-1], shape: [1] },
  { values: [0, 0, 1], shape: [3] },
  { values: [1, 0, 0, 0, 0, 0], shape: [2, 3] },
  { values: [0, -1], shape: [1, 2] },
  { values: [1, 0], shape: [2] },
  { values: [0, 0, 0, -1], shape: [4, 1] },
  { values: [-1, 0, 0], shape: [1, 3] },
  { values: [0, 1], shape: [2, 1] },
  { values: [0, 0, -4], shape: [3] },
];

function gradients(scale: number): tf.Tensor[] {
  return normFive.map(({ values, shape }) =>
    tf.tensor(
      values.map((v) => v * scale),
      shape,
    ),
  );
}

async function read(tensors: readonly tf.Tensor[]): Promise<number[][]> {
  return Promise.all(tensors.map(async (t) => Array.from(await t.data())));
}

async function clippedBy(limit: number, input: tf.Tensor[]): Promise<{ before: number[][]; after: number[][] }> {
  const clipped = clipGradientsByGlobalNorm(input, limit);
  try {
    return { before: await read(input), after: await read(clipped) };
  } finally {
    tf.dispose([...input, ...clipped]);
  }
}

describeEachBackend('clipGradientsByGlobalNorm at, below and above its limit', () => {
  test('below the limit (norm 0.3 and 4.99 under limit 5): every gradient comes through bit for bit', async () => {
    for (const [scale, limit] of [
      [0.06, 5],
      [1, 5.0001],
      [0.998, 5],
    ] as const) {
      const { before, after } = await clippedBy(limit, gradients(scale));
      expect(after).toEqual(before);
    }
  });

  test('at the limit (norm exactly 5, limit 5): bit for bit', async () => {
    const { before, after } = await clippedBy(5, gradients(1));
    expect(after).toEqual(before);
  });

  test('above the limit (norm 10, limit 5; norm 5, limit 0.001): scaled to the limit, direction kept', async () => {
    for (const [scale, limit] of [
      [2, 5],
      [1, 1e-3],
      [3.7, 2.5],
    ] as const) {
      const { before, after } = await clippedBy(limit, gradients(scale));
      const norm = 5 * scale;
      after.forEach((values, i) =>
        values.forEach((v, k) => {
          const expected = ((before[i] as number[])[k] as number) * (limit / norm);
          expect(Math.abs(v - expected)).toBeLessThanOrEqual(1e-6 * limit);
        }),
      );
      const clippedNorm = Math.sqrt(after.flat().reduce((sum, v) => sum + v * v, 0));
      expect(clippedNorm).toBeCloseTo(limit, 6);
    }
  });

  test('no gradients: an empty list; zero gradients stay zero (no 0/0)', async () => {
    expect(clipGradientsByGlobalNorm([], 1)).toEqual([]);
    const { after } = await clippedBy(1, gradients(0));
    expect(after.flat().every((v) => v === 0)).toBe(true);
  });
});

describeEachBackend('clipGradientsByValue at, below and above its limit', () => {
  test('elements below and at the limit are unchanged, those above are set to +-limit', async () => {
    const input = [
      tf.tensor([0.5, -0.5, 1.5, -1.5, 2, -2.25, 0]),
      tf.tensor([
        [1.5, 1.4999],
        [-1.5001, 3],
      ]),
    ];
    const clipped = clipGradientsByValue(input, 1.5);
    try {
      expect(await read(clipped)).toEqual([
        [0.5, -0.5, 1.5, -1.5, 1.5, -1.5, 0],
        [Math.fround(1.5), Math.fround(1.4999), -1.5, 1.5],
      ]);
    } finally {
      tf.dispose([...input, ...clipped]);
    }
  });
});

test('bad limits are refused', () => {
  expect(() => clipGradientsByGlobalNorm([], 0)).toThrow(/clipGradientsByGlobalNorm: expected maxNorm > 0, got 0/);
  expect(() => clipGradientsByValue([], -1)).toThrow(/clipGradientsByValue: expected limit > 0, got -1/);
});
