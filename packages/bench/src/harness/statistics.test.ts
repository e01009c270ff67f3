import { describe, expect, test } from 'vitest';
import { median, percentile, summarizeSamples } from './statistics.js';

describe('statistics', () => {
  test('median of odd and even counts, order does not matter', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  test('p95 interpolates linearly between order statistics (NumPy default)', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(hundred, 0.95)).toBeCloseTo(95.05, 10);
    expect(percentile(hundred, 0.5)).toBeCloseTo(50.5, 10);
    expect(percentile([1, 2, 3, 4, 100], 0.95)).toBeCloseTo(80.8, 10);
    expect(percentile([5, 1], 0)).toBe(1);
    expect(percentile([5, 1], 1)).toBe(5);
  });

  test('summary of known samples', () => {
    expect(summarizeSamples([10, 20, 30, 40])).toEqual({ count: 4, mean: 25, median: 25, p95: 38.5, min: 10, max: 40 });
  });

  test('bad input throws with the function name', () => {
    expect(() => median([])).toThrow(/percentile: expected at least one sample, got none/);
    expect(() => percentile([1], 1.5)).toThrow(/percentile: expected q in \[0, 1\], got 1.5/);
    expect(() => summarizeSamples([])).toThrow(/summarizeSamples: expected at least one sample/);
  });
});
