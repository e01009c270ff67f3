import { ArgumentError, assertInRange, assertKnownOptions, assertPositiveInteger, createRandom } from '@baihua/core';
import { maxChineseNumeral, toChineseNumeral } from './chinese-numeral.js';

/** One number in both writings: `digits` ('10010') and `chinese` ('一万零一十'). */
export interface NumeralPair {
  number: number;
  digits: string;
  chinese: string;
}

/** Options of {@link createNumeralDataset}. */
export interface NumeralDatasetOptions {
  /** Distinct numbers for training (0 and 10^8 among them). Required. */
  trainSize: number;
  /** Distinct held-out numbers, none of them in the training set. Required. */
  testSize: number;
  /** Seed of the draw and of the split. Default 0. */
  seed?: number;
  /** Share of all numbers held out (a seeded hash of each number decides). Default 0.2. */
  testFraction?: number;
}

/**
 * Numbers 0..10^8 for the numeral translation task, split BY NUMBER: a seeded hash of each number
 * holds out `testFraction` of all numbers at every magnitude (so about that share of the 100
 * numbers below 100 too); `test` is drawn from the held-out numbers only, `train` from the others.
 * Each number is drawn log-uniformly across magnitudes: a digit count k uniform in 1..8, then
 * uniform in [10^(k-1), 10^k) (k = 1: 0..9); repeats are redrawn (small magnitudes run out and give
 * way to larger ones). `train` always holds 10^8 (never held out) and, unless it is held out, 0.
 * The same seed gives the same sets in the same order.
 *
 * @example
 * const { train, test } = createNumeralDataset({ trainSize: 20000, testSize: 2000, seed: 1 });
 * train[0]; // { number: 20000010, digits: '20000010', chinese: '二千万零一十' } (for example)
 *
 * In plain words: a practice book and an exam of spelled-out numbers, with no exam number in the book.
 */
export function createNumeralDataset(options: NumeralDatasetOptions): { train: NumeralPair[]; test: NumeralPair[] } {
  const fn = 'createNumeralDataset';
  assertKnownOptions(fn, 'options', options, ['trainSize', 'testSize', 'seed', 'testFraction']);
  const { trainSize, testSize, seed = 0, testFraction = 0.2 } = options;
  assertInRange(fn, 'testFraction', testFraction, { min: 0, max: 1, minExclusive: true, maxExclusive: true });
  assertPositiveInteger(fn, 'trainSize', trainSize);
  assertPositiveInteger(fn, 'testSize', testSize);
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected seed to be an integer, got ${seed}`);
  if (trainSize + testSize > 1_000_000)
    throw new ArgumentError(fn, `expected trainSize + testSize of at most 1000000, got ${trainSize + testSize}`);
  const random = createRandom(seed);
  const heldOut = (n: number) =>
    n !== maxChineseNumeral && createRandom((Math.imul(n, 0x9e3779b1) ^ seed) >>> 0).next() < testFraction;
  const seen = new Set<number>();
  const draw = (test: boolean) => () => {
    for (;;) {
      const k = 1 + random.integer(8);
      const low = k === 1 ? 0 : 10 ** (k - 1);
      const n = low + random.integer(10 ** k - low);
      if (!seen.has(n) && heldOut(n) === test) {
        seen.add(n);
        return n;
      }
    }
  };
  const test = Array.from({ length: testSize }, draw(true));
  const edges = [0, maxChineseNumeral].filter((n) => !heldOut(n));
  edges.forEach((n) => seen.add(n));
  const train = [...edges, ...Array.from({ length: trainSize - edges.length }, draw(false))];
  const pair = (number: number): NumeralPair => ({ number, digits: String(number), chinese: toChineseNumeral(number) });
  return { train: train.map(pair), test: test.map(pair) };
}
