import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { loadDigits } from '@baihua/example-mnist-data';
import { mnistAsset, mnistAssetShape } from '../build/mnist-asset.js';

test("the site's digit file holds the mnist package's digits in the Node examples' seeded order", () => {
  const packed = mnistAsset();
  const bytes = gunzipSync(packed);
  const { count, pixels } = mnistAssetShape;
  expect(bytes.length).toBe(count * (1 + pixels));
  expect(packed.length).toBeLessThan(bytes.length / 4); // compact: 1.6 MB for 7.85 MB
  // The examples' split with seed 2026: training digits first, then the held-out ones.
  const { train, test: heldOut } = loadDigits({ train: 8000, test: 2000, seed: 2026 });
  expect(Array.from(bytes.subarray(0, 8000))).toEqual(Array.from(train.labels));
  expect(Array.from(bytes.subarray(8000, count))).toEqual(Array.from(heldOut.labels));
  for (const [k, split, index] of [
    [0, train, 0],
    [4321, train, 4321],
    [8000, heldOut, 0],
    [9999, heldOut, 1999],
  ] as const) {
    const stored = bytes.subarray(count + k * pixels, count + (k + 1) * pixels);
    const reference = split.images.subarray(index * pixels, (index + 1) * pixels);
    const worst = Math.max(...Array.from(stored, (v, p) => Math.abs(v / 255 - (reference[p] as number))));
    expect(worst, `digit ${k}`).toBeLessThanOrEqual(0.5 / 255 + 1e-6);
  }
});
