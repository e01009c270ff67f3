import { ArgumentError, assertKnownOptions, assertPositive, assertPositiveInteger } from '@baihua/core';
import type { NextTokenScorer } from './perplexity.js';
import { checkIds } from './text-checks.js';

/** Options of {@link fitNGramBaseline}. */
export interface NGramBaselineOptions {
  /** 1: unigram p(c); 2: bigram p(c | previous). Required. */
  order: 1 | 2;
  /** Number of ids (a Vocabulary's `size`): every id gets smoothed probability. Required. */
  vocabularySize: number;
  /** The add-k pseudo-count (k = 1: Laplace). Default 1. */
  addK?: number;
}

/**
 * A unigram or bigram model with add-k smoothing, counted on training ids:
 * unigram p(c) = (n(c) + k) / (N + kV); bigram p(c | b) = (n(b, c) + k) / (n(b, .) + kV), where
 * n(b, .) counts the bigrams starting with b and V is the vocabulary size (specials and `<unk>`
 * included, so an unseen id still gets k / (... + kV)). The baselines of {@link perplexity}.
 */
export class NGramBaseline implements NextTokenScorer {
  constructor(
    readonly order: 1 | 2,
    readonly vocabularySize: number,
    readonly addK: number,
    private readonly counts: Float64Array,
    private readonly totals: Float64Array,
  ) {}

  /** log p(next | previous) (the unigram ignores previous). */
  logProbability(previous: number, next: number): number {
    const row = this.order === 1 ? 0 : previous;
    const k = this.addK;
    return Math.log(
      ((this.counts[row * this.vocabularySize + next] as number) + k) /
        ((this.totals[row] as number) + k * this.vocabularySize),
    );
  }

  /** log p(ids[t] | ids[t-1]) for t = 1..n-1. */
  logProbabilities(ids: readonly number[]): Float64Array {
    checkIds('NGramBaseline.logProbabilities', 'ids', ids, this.vocabularySize, 2);
    return Float64Array.from({ length: ids.length - 1 }, (_, i) =>
      this.logProbability(ids[i] as number, ids[i + 1] as number),
    );
  }
}

/**
 * Counts a unigram (order 1) or bigram (order 2) {@link NGramBaseline} on training ids. The unigram
 * counts ids[1..n-1] and the bigram the pairs (ids[t-1], ids[t]), the positions {@link perplexity} scores.
 *
 * @example
 * const bigram = fitNGramBaseline(trainIds, { order: 2, vocabularySize: vocabulary.size, addK: 0.1 });
 * await perplexity(bigram, heldOutIds);
 *
 * In plain words: guess the next character from how often it followed the last one in the book.
 */
export function fitNGramBaseline(ids: readonly number[], options: NGramBaselineOptions): NGramBaseline {
  const fn = 'fitNGramBaseline';
  assertKnownOptions(fn, 'options', options, ['order', 'vocabularySize', 'addK']);
  const { order, vocabularySize, addK = 1 } = options ?? ({} as NGramBaselineOptions);
  if (order !== 1 && order !== 2) throw new ArgumentError(fn, `expected order to be 1 or 2, got ${String(order)}`);
  assertPositiveInteger(fn, 'vocabularySize', vocabularySize);
  assertPositive(fn, 'addK', addK);
  checkIds(fn, 'ids', ids, vocabularySize, 2);
  const rows = order === 1 ? 1 : vocabularySize;
  const counts = new Float64Array(rows * vocabularySize);
  const totals = new Float64Array(rows);
  for (let t = 1; t < ids.length; t++) {
    const row = order === 1 ? 0 : (ids[t - 1] as number);
    counts[row * vocabularySize + (ids[t] as number)] =
      (counts[row * vocabularySize + (ids[t] as number)] as number) + 1;
    totals[row] = (totals[row] as number) + 1;
  }
  return new NGramBaseline(order, vocabularySize, addK, counts, totals);
}
