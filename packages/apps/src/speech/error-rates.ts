import { ArgumentError } from '@baihua/core';

/**
 * Levenshtein distance between two token sequences: the fewest substitutions, insertions and deletions
 * turning `hypothesis` into `reference` (each costs 1), by dynamic programming in O(|r| |h|).
 *
 * @example
 * editDistance(['one', 'two', 'three'], ['one', 'three', 'four']); // 2: 'two' deleted, 'four' inserted
 *
 * In plain words: how many words you must fix to turn what was heard into what was said.
 */
export function editDistance<T>(reference: readonly T[], hypothesis: readonly T[]): number {
  if (!Array.isArray(reference) || !Array.isArray(hypothesis))
    throw new ArgumentError(
      'editDistance',
      `expected reference and hypothesis arrays, got ${typeof reference}, ${typeof hypothesis}`,
    );
  let previous = Array.from({ length: hypothesis.length + 1 }, (_, j) => j);
  for (let i = 1; i <= reference.length; i++) {
    const current = [i];
    for (let j = 1; j <= hypothesis.length; j++) {
      const substitution = (previous[j - 1] as number) + (reference[i - 1] === hypothesis[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[hypothesis.length] as number;
}

/**
 * Word error rate over a set of utterances: WER = sum_i editDistance(words(r_i), words(h_i)) / sum_i |words(r_i)|,
 * words split on whitespace (a Mandarin text with its characters spaced counts each character as a word).
 * Can exceed 1 when the hypotheses insert many words.
 *
 * @example
 * wordErrorRate(['one two three'], ['one too three']); // 1/3
 *
 * In plain words: the share of spoken words the recogniser got wrong.
 */
export function wordErrorRate(references: readonly string[], hypotheses: readonly string[]): number {
  return errorRate('wordErrorRate', references, hypotheses, (text) => text.split(/\s+/).filter((w) => w !== ''));
}

/**
 * Character error rate: as {@link wordErrorRate} over characters (Unicode code points), whitespace
 * removed first, so word boundaries do not count.
 *
 * @example
 * characterErrorRate(['one two'], ['one too']); // 1/6
 *
 * In plain words: the share of letters the recogniser got wrong.
 */
export function characterErrorRate(references: readonly string[], hypotheses: readonly string[]): number {
  return errorRate('characterErrorRate', references, hypotheses, (text) => [...text.replace(/\s+/g, '')]);
}

function errorRate(
  fn: string,
  references: readonly string[],
  hypotheses: readonly string[],
  tokens: (text: string) => string[],
): number {
  if (!Array.isArray(references) || !Array.isArray(hypotheses) || references.length !== hypotheses.length)
    throw new ArgumentError(
      fn,
      'expected references and hypotheses as string arrays of equal length, ' +
        `got ${references?.length} and ${hypotheses?.length}`,
    );
  let errors = 0;
  let total = 0;
  references.forEach((reference, i) => {
    const hypothesis = hypotheses[i];
    if (typeof reference !== 'string' || typeof hypothesis !== 'string')
      throw new ArgumentError(fn, `expected strings, got ${typeof reference} and ${typeof hypothesis} at ${i}`);
    const said = tokens(reference);
    errors += editDistance(said, tokens(hypothesis));
    total += said.length;
  });
  if (total === 0) throw new ArgumentError(fn, 'expected references with at least one token, got none');
  return errors / total;
}
