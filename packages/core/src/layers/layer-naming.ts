import { createRandom } from '../random/seeded-random.js';

const countersKey = Symbol.for('baihua.layerNameCounters');
const seedsKey = Symbol.for('baihua.layerDefaultSeeds');

/**
 * `dense_1`, `dense_2`, ...: a fresh name per layer type, counted per process.
 * In plain words: name tags handed out in order.
 */
export function uniqueLayerName(typeName: string): string {
  const holder = globalThis as { [countersKey]?: Map<string, number> };
  holder[countersKey] ??= new Map();
  const base = typeName
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
  const n = (holder[countersKey].get(base) ?? 0) + 1;
  holder[countersKey].set(base, n);
  return `${base}_${n}`;
}

/**
 * The seed of a layer given none, directly or through its model: a fixed process-wide sequence,
 * so a program that builds its layers in the same order gets the same weights on every run.
 */
export function nextDefaultSeed(): number {
  const holder = globalThis as { [seedsKey]?: { next(): number } };
  holder[seedsKey] ??= createRandom(0x5eed);
  return Math.floor(holder[seedsKey].next() * 2 ** 31);
}

/** The seed of child `index` of a model seeded with `seed` (distinct, reproducible). */
export function childSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 31) + Math.imul(index + 1, 0x85ebca6b)) >>> 1;
}
