import { createRandom } from '../random/seeded-random.js';

const countersKey = Symbol.for('baihua.layerNameCounters');
const seedsKey = Symbol.for('baihua.layerDefaultSeeds');

/**
 * A type name in snake case, as Keras' `to_snake_case` writes it: characters other than letters,
 * digits and `_` dropped, then `_` before each capitalised word (`(.)([A-Z][a-z]+)`), then `_`
 * between a lower-case letter and a capital (`([a-z])([A-Z])`), then lower case. A digit followed
 * by a capital is not split, so `Conv2D` -> `conv2d`, `L2Pool2D` -> `l2_pool2d`,
 * `SeparableConv2D` -> `separable_conv2d`, `SimpleRNN` -> `simple_rnn`, `GRU` -> `gru`.
 *
 * @example
 * snakeCaseTypeName('PeepholeLSTM'); // 'peephole_lstm'
 *
 * In plain words: the class name written the way Keras names layers.
 */
export function snakeCaseTypeName(typeName: string): string {
  return typeName
    .replace(/[^A-Za-z0-9_]+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * `dense_1`, `dense_2`, `conv2d_1`, ...: the snake-case type name ({@link snakeCaseTypeName}) and
 * a counter per name, from 1, per process (shared by every installed copy of @baihua/core).
 * These names appear in summaries and in saved weight paths (`conv2d_1/kernel`).
 *
 * In plain words: name tags handed out in order.
 */
export function uniqueLayerName(typeName: string): string {
  const holder = globalThis as { [countersKey]?: Map<string, number> };
  holder[countersKey] ??= new Map();
  const base = snakeCaseTypeName(typeName) || 'layer';
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
