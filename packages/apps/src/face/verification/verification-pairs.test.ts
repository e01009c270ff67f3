import { describe, expect, test } from 'vitest';
import { verificationPairs } from '../index.js';

const keys = (p: ReturnType<typeof verificationPairs>) => Array.from(p.first, (a, k) => `${a}-${p.second[k]}`);

function expectValidPairs(labels: number[], p: ReturnType<typeof verificationPairs>) {
  expect(p.second.length).toBe(p.first.length);
  expect(p.same.length).toBe(p.first.length);
  expect(new Set(keys(p)).size).toBe(p.first.length); // no pair twice
  p.first.forEach((a, k) => {
    const b = p.second[k] as number;
    expect(a).toBeLessThan(b);
    expect(p.same[k]).toBe(labels[a] === labels[b] ? 1 : 0);
  });
}

describe('verificationPairs', () => {
  test('every positive pair in row order, then as many distinct negatives, deterministic by seed', () => {
    const labels = [0, 0, 1, 1, 1, 2, 3, 3];
    const p = verificationPairs(labels);
    expectValidPairs(labels, p);
    // C(2,2) + C(3,2) + C(2,2) = 5 positives, all of them, first.
    expect(keys(p).slice(0, 5)).toEqual(['0-1', '2-3', '2-4', '3-4', '6-7']);
    expect(Array.from(p.same)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    expect(verificationPairs(labels)).toEqual(p);
    const other = verificationPairs(labels, { seed: 5 });
    expect(keys(other).slice(0, 5)).toEqual(keys(p).slice(0, 5));
    expect(keys(other).slice(5)).not.toEqual(keys(p).slice(5));
  });

  test('negativesPerPositive and maxPairs; asking for nearly every negative pair samples them all', () => {
    const labels = Array.from({ length: 30 }, (_, i) => i % 6); // 6 identities x 5: 60 positives, 375 negatives
    const p = verificationPairs(labels, { negativesPerPositive: 3, seed: 2 });
    expectValidPairs(labels, p);
    expect([p.same.filter((s) => s).length, p.same.filter((s) => !s).length]).toEqual([60, 180]);
    const capped = verificationPairs(labels, { maxPairs: 7, negativesPerPositive: 2.5, seed: 2 });
    expectValidPairs(labels, capped);
    expect([capped.same.filter((s) => s).length, capped.same.length]).toEqual([7, 25]); // round(17.5) = 18
    // 6.25 x 60 = 375: every negative pair, each once (the dense path).
    const dense = verificationPairs(labels, { negativesPerPositive: 6.25 });
    expectValidPairs(labels, dense);
    expect(dense.same.length).toBe(60 + 375);
  });
});
