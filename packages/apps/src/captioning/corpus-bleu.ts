import { assertKnownOptions, assertPositiveInteger } from '@baihua/core';
import { bleuCounts, bleuFromCounts } from './bleu-counts.js';
import { corpusTokens, type Sentence } from './bleu-inputs.js';

/** Options of {@link corpusBleu}. */
export interface CorpusBleuOptions {
  /** The longest n-gram, N (BLEU-1..N are returned). Default 4. */
  maxOrder?: number;
}

/** What {@link corpusBleu} measured. */
export interface BleuScore {
  /** bleu[n - 1] = BLEU-n = BP * exp((1 / n) sum_{k <= n} log p_k); 0 when some p_k is 0. */
  bleu: number[];
  /** precisions[k - 1] = p_k, the corpus's modified (clipped) k-gram precision. */
  precisions: number[];
  /** 1 when c > r, else exp(1 - r / c) (0 for c = 0). */
  brevityPenalty: number;
  /** c: the total hypothesis length in tokens. */
  hypothesisLength: number;
  /** r: the sum over sentences of the reference length closest to the hypothesis's (the shorter on a tie). */
  referenceLength: number;
}

/**
 * Corpus-level BLEU (Papineni et al. 2002) with several references per hypothesis. For each order
 * k, the modified precision p_k = sum over sentences of the hypothesis k-gram counts, each clipped to
 * its largest count in any one reference, over the total hypothesis k-grams. The brevity penalty
 * uses the corpus totals: c (hypothesis tokens) and r (per sentence the reference length closest to
 * the hypothesis's, the shorter on a tie), BP = 1 if c > r else exp(1 - r / c). BLEU-n is
 * BP * exp(mean of log p_1..p_n), uniform weights, without smoothing: NLTK's `corpus_bleu` with
 * weights (1/n, ..., 1/n), which gives 0.5920778868801042 on its documented two-sentence example
 * (checked in corpus-bleu.test.ts). Strings are cut at whitespace; tokens are compared exactly.
 *
 * In plain words: how many of the word runs (1 to 4 words long) the model wrote also appear in a
 * correct sentence, with a penalty for sentences that are too short to be wrong.
 *
 * @example
 * corpusBleu(['a red circle above a blue square'], [['a red circle above a blue square']]).bleu; // [1, 1, 1, 1]
 */
export function corpusBleu(
  hypotheses: readonly Sentence[],
  references: readonly (readonly Sentence[])[],
  options: CorpusBleuOptions = {},
): BleuScore {
  assertKnownOptions('corpusBleu', 'options', options, ['maxOrder']);
  const { maxOrder = 4 } = options;
  assertPositiveInteger('corpusBleu', 'maxOrder', maxOrder);
  const corpus = corpusTokens('corpusBleu', hypotheses, references);
  return bleuFromCounts(bleuCounts(corpus.hypotheses, corpus.references, maxOrder), false);
}
