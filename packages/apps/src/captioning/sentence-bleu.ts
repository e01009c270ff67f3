import { assertKnownOptions, assertOneOf, assertPositiveInteger } from '@baihua/core';
import { bleuCounts, bleuFromCounts } from './bleu-counts.js';
import { corpusTokens, type Sentence } from './bleu-inputs.js';
import type { BleuScore } from './corpus-bleu.js';

/** Options of {@link sentenceBleu}. */
export interface SentenceBleuOptions {
  /** The longest n-gram, N. Default 4. */
  maxOrder?: number;
  /**
   * 'add-one' (default): for k >= 2, p_k = (matched + 1) / (total + 1) (Lin and Och 2004; NLTK's
   * `SmoothingFunction().method2`), so one sentence without a matching 4-gram does not score 0.
   * 'none': the plain precisions, as {@link corpusBleu}.
   */
  smoothing?: 'add-one' | 'none';
}

/**
 * BLEU of one hypothesis against its references, the same counts as {@link corpusBleu} over a
 * one-sentence corpus, smoothed by default (unsmoothed sentence BLEU is 0 whenever a 4-gram
 * misses, which says little about one caption). Checked against NLTK's `sentence_bleu` with
 * `smoothing_function=method2` in corpus-bleu.test.ts. Use {@link corpusBleu} to score a test set.
 *
 * In plain words: a BLEU score for a single caption, softened so near misses still count.
 *
 * @example
 * sentenceBleu('a red circle above a square', ['a red circle above a blue square']).bleu[3]; // 0.7118
 */
export function sentenceBleu(
  hypothesis: Sentence,
  references: readonly Sentence[],
  options: SentenceBleuOptions = {},
): BleuScore {
  assertKnownOptions('sentenceBleu', 'options', options, ['maxOrder', 'smoothing']);
  const { maxOrder = 4, smoothing = 'add-one' } = options;
  assertPositiveInteger('sentenceBleu', 'maxOrder', maxOrder);
  assertOneOf('sentenceBleu', 'smoothing', smoothing, ['add-one', 'none']);
  const corpus = corpusTokens('sentenceBleu', [hypothesis], [references]);
  return bleuFromCounts(bleuCounts(corpus.hypotheses, corpus.references, maxOrder), smoothing === 'add-one');
}
