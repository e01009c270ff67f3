import { ArgumentError } from '@baihua/core';

/** A sentence: a string (cut at whitespace) or its tokens. */
export type Sentence = string | readonly string[];

/** The tokens of a sentence; refuses anything but a string or an array of strings. */
export function sentenceTokens(fn: string, argument: string, sentence: unknown): string[] {
  if (typeof sentence === 'string') return sentence.split(/\s+/).filter((word) => word !== '');
  if (Array.isArray(sentence) && sentence.every((token) => typeof token === 'string')) return [...sentence];
  throw new ArgumentError(
    fn,
    `expected ${argument} to be a string or an array of strings, got ${JSON.stringify(sentence)}`,
  );
}

/**
 * Checks hypotheses and their references for a corpus measure and returns them as tokens: as many
 * reference lists as hypotheses, each with at least one non-empty reference. An empty hypothesis is
 * allowed (a model may stop at once; it matches nothing).
 */
export function corpusTokens(
  fn: string,
  hypotheses: readonly Sentence[],
  references: readonly (readonly Sentence[])[],
): { hypotheses: string[][]; references: string[][][] } {
  if (!Array.isArray(hypotheses))
    throw new ArgumentError(fn, `expected hypotheses to be an array, got ${typeof hypotheses}`);
  if (!Array.isArray(references))
    throw new ArgumentError(fn, `expected references to be an array, got ${typeof references}`);
  if (hypotheses.length === 0) throw new ArgumentError(fn, 'expected at least one hypothesis, got none');
  if (references.length !== hypotheses.length) {
    throw new ArgumentError(
      fn,
      `expected one reference list per hypothesis (${hypotheses.length}), got ${references.length} lists`,
    );
  }
  const hypothesisTokens = hypotheses.map((hypothesis, i) => sentenceTokens(fn, `hypotheses[${i}]`, hypothesis));
  const referenceTokens = references.map((list, i) => {
    if (!Array.isArray(list) || list.length === 0)
      throw new ArgumentError(
        fn,
        `expected references[${i}] to be a non-empty array of references, got ${JSON.stringify(list)}`,
      );
    return list.map((reference, j) => {
      const tokens = sentenceTokens(fn, `references[${i}][${j}]`, reference);
      if (tokens.length === 0)
        throw new ArgumentError(fn, `expected references[${i}][${j}] to be non-empty, got an empty caption`);
      return tokens;
    });
  });
  return { hypotheses: hypothesisTokens, references: referenceTokens };
}
