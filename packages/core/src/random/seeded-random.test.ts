import { describe, expect, test } from 'vitest';
import { createRandom } from './seeded-random.js';

describe('createRandom', () => {
  test('the same seed gives the same sequence; another seed another one', () => {
    const take = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  test('uniform values lie in [0, 1) with mean near 1/2; normals have mean ~0 and variance ~1', () => {
    const rng = createRandom(1);
    const uniform = Array.from({ length: 20000 }, rng.next);
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...uniform)).toBeLessThan(1);
    expect(Math.abs(uniform.reduce((a, b) => a + b) / uniform.length - 0.5)).toBeLessThan(0.01);
    const normal = Array.from({ length: 20000 }, rng.normal);
    const mean = normal.reduce((a, b) => a + b) / normal.length;
    const variance = normal.reduce((a, b) => a + (b - mean) ** 2, 0) / normal.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  test('shuffle is a seeded permutation', () => {
    const shuffled = createRandom(3).shuffle(Array.from({ length: 50 }, (_, i) => i));
    expect([...shuffled].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(shuffled).toEqual(createRandom(3).shuffle(Array.from({ length: 50 }, (_, i) => i)));
    expect(shuffled).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
