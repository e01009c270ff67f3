import { corpusTokens, type Sentence } from './bleu-inputs.js';

/**
 * The fraction (in [0, 1]) of hypotheses whose tokens equal those of one of their references
 * (strings are cut at whitespace, so extra spaces do not count; case does).
 *
 * In plain words: the share of captions that are exactly right, word for word.
 *
 * @example
 * exactMatch(['a red circle', 'a blue square'], [['a red  circle'], ['two blue squares']]); // 0.5
 */
export function exactMatch(hypotheses: readonly Sentence[], references: readonly (readonly Sentence[])[]): number {
  const corpus = corpusTokens('exactMatch', hypotheses, references);
  const hits = corpus.hypotheses.filter((hypothesis, i) =>
    (corpus.references[i] as string[][]).some(
      (reference) => reference.length === hypothesis.length && reference.every((token, t) => token === hypothesis[t]),
    ),
  ).length;
  return hits / corpus.hypotheses.length;
}
