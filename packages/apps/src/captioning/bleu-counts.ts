/** The n-gram statistics BLEU is computed from (see {@link corpusBleu}). */
export interface BleuCounts {
  /** matched[k - 1]: hypothesis k-grams, each count clipped to its largest count in one reference. */
  matched: number[];
  /** total[k - 1]: hypothesis k-grams. */
  total: number[];
  hypothesisLength: number;
  /** Per sentence the reference length closest to the hypothesis's (the shorter on a tie), summed. */
  referenceLength: number;
}

/** The BLEU scores of {@link BleuCounts}: precisions, brevity penalty, BLEU-1..N. */
export interface BleuFigures {
  bleu: number[];
  precisions: number[];
  brevityPenalty: number;
  hypothesisLength: number;
  referenceLength: number;
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Sums the clipped k-gram matches, k-gram totals and lengths over the sentences (tokens, checked). */
export function bleuCounts(hypotheses: string[][], references: string[][][], maxOrder: number): BleuCounts {
  const counts: BleuCounts = {
    matched: new Array<number>(maxOrder).fill(0),
    total: new Array<number>(maxOrder).fill(0),
    hypothesisLength: 0,
    referenceLength: 0,
  };
  hypotheses.forEach((hypothesis, i) => {
    const refs = references[i] as string[][];
    counts.hypothesisLength += hypothesis.length;
    counts.referenceLength += refs
      .map((reference) => reference.length)
      .reduce((best, length) => {
        const gap = Math.abs(length - hypothesis.length) - Math.abs(best - hypothesis.length);
        return gap < 0 || (gap === 0 && length < best) ? length : best;
      });
    for (let n = 1; n <= maxOrder; n++) {
      const clip = new Map<string, number>();
      for (const reference of refs) {
        for (const [gram, count] of ngramCounts(reference, n)) clip.set(gram, Math.max(clip.get(gram) ?? 0, count));
      }
      for (const [gram, count] of ngramCounts(hypothesis, n)) {
        counts.matched[n - 1] = (counts.matched[n - 1] as number) + Math.min(count, clip.get(gram) ?? 0);
        counts.total[n - 1] = (counts.total[n - 1] as number) + count;
      }
    }
  });
  return counts;
}

/**
 * BLEU-1..N from counts: p_k = matched / max(1, total) (with addOne, for k >= 2,
 * (matched + 1) / (max(1, total) + 1): Lin and Och 2004, NLTK's smoothing method2),
 * BP = 1 if c > r else exp(1 - r / c) (0 for c = 0), BLEU-n = BP exp(mean log p_1..p_n), 0 if a p_k is 0.
 */
export function bleuFromCounts(counts: BleuCounts, addOne: boolean): BleuFigures {
  const { matched, total, hypothesisLength, referenceLength } = counts;
  const precisions = matched.map((m, k) => {
    const denominator = Math.max(1, total[k] as number);
    return addOne && k > 0 ? (m + 1) / (denominator + 1) : m / denominator;
  });
  const brevityPenalty =
    hypothesisLength === 0
      ? 0
      : hypothesisLength > referenceLength
        ? 1
        : Math.exp(1 - referenceLength / hypothesisLength);
  const bleu = precisions.map((_, k) => {
    const used = precisions.slice(0, k + 1);
    if (used.some((p) => p === 0)) return 0;
    return brevityPenalty * Math.exp(used.reduce((sum, p) => sum + Math.log(p), 0) / (k + 1));
  });
  return { bleu, precisions, brevityPenalty, hypothesisLength, referenceLength };
}
