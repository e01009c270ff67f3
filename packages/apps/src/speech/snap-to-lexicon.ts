import { ArgumentError } from '@baihua/core';
import { editDistance } from './error-rates.js';

/**
 * The lexicon constraint on decoded words: each word not in `lexicon` is replaced by the lexicon word
 * nearest by character edit distance (ties: the earlier lexicon word). Words in the lexicon stay.
 *
 * @example
 * snapToLexicon(['too', 'three', 'go'], ['one', 'two', 'three']); // ['two', 'three', 'one']
 *
 * In plain words: a word the recogniser made up is read as the closest word it was allowed to say.
 */
export function snapToLexicon(words: readonly string[], lexicon: readonly string[]): string[] {
  if (!Array.isArray(lexicon) || lexicon.length === 0 || !lexicon.every((w) => typeof w === 'string'))
    throw new ArgumentError(
      'snapToLexicon',
      `expected lexicon to be a non-empty array of words, got ${String(lexicon)}`,
    );
  const known = new Set(lexicon);
  return words.map((word) => {
    if (known.has(word)) return word;
    let best = lexicon[0] as string;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of lexicon) {
      const distance = editDistance([...word], [...candidate]);
      if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
    }
    return best;
  });
}
