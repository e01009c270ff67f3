import { ArgumentError, assertKnownOptions, assertPositiveInteger, createRandom } from '@baihua/core';
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
  /** Seed of the draw. Default 0. */
  seed?: number;
}

/**
 * Numbers 0..10^8 for the numeral translation task, split BY NUMBER: a number is either in
 * `train` or in `test`, never both. Each number is drawn log-uniformly across magnitudes: a digit
 * count k uniform in 1..8, then uniform in [10^(k-1), 10^k) (k = 1: 0..9); repeats are redrawn
 * (the 100 numbers below 100 run out quickly: they end up mostly in one split). The first
 * `testSize` distinct draws form `test`; `train` holds the next `trainSize - 2` plus 0 and 10^8
 * (added to train unless drawn for test). The same seed gives the same sets in the same order.
 *
 * @example
 * const { train, test } = createNumeralDataset({ trainSize: 20000, testSize: 2000, seed: 1 });
 * train[0]; // { number: 20000010, digits: '20000010', chinese: '二千万零一十' } (for example)
 *
 * In plain words: a practice book and an exam of spelled-out numbers, with no exam number in the book.
 */
export function createNumeralDataset(options: NumeralDatasetOptions): { train: NumeralPair[]; test: NumeralPair[] } {
  const fn = 'createNumeralDataset';
  assertKnownOptions(fn, 'options', options, ['trainSize', 'testSize', 'seed']);
  const { trainSize, testSize, seed = 0 } = options;
  assertPositiveInteger(fn, 'trainSize', trainSize);
  assertPositiveInteger(fn, 'testSize', testSize);
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected seed to be an integer, got ${seed}`);
  if (trainSize + testSize > 1_000_000)
    throw new ArgumentError(fn, `expected trainSize + testSize of at most 1000000, got ${trainSize + testSize}`);
  const random = createRandom(seed);
  const seen = new Set<number>();
  const draw = () => {
    for (;;) {
      const k = 1 + random.integer(8);
      const low = k === 1 ? 0 : 10 ** (k - 1);
      const n = low + random.integer(10 ** k - low);
      if (!seen.has(n)) {
        seen.add(n);
        return n;
      }
    }
  };
  const test = Array.from({ length: testSize }, draw);
  const edges = [0, maxChineseNumeral].filter((n) => !seen.has(n));
  edges.forEach((n) => seen.add(n));
  const train = [...edges, ...Array.from({ length: trainSize - edges.length }, draw)];
  const pair = (number: number): NumeralPair => ({ number, digits: String(number), chinese: toChineseNumeral(number) });
  return { train: train.map(pair), test: test.map(pair) };
}
