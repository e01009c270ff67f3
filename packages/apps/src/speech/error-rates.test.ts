import { expect, test } from 'vitest';
import { characterErrorRate, editDistance, snapToLexicon, wordErrorRate } from './index.js';

test('editDistance counts substitutions, insertions and deletions by hand', () => {
  expect(editDistance([], [])).toBe(0);
  expect(editDistance(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(0);
  expect(editDistance(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(1); // one substitution
  expect(editDistance(['a', 'b', 'c'], ['a', 'b', 'x', 'c'])).toBe(1); // one insertion
  expect(editDistance(['a', 'b', 'c'], ['a', 'c'])).toBe(1); // one deletion
  expect(editDistance(['one', 'two', 'three'], ['one', 'three', 'four'])).toBe(2); // deletion + insertion
  expect(editDistance([...'kitten'], [...'sitting'])).toBe(3); // the textbook case
  expect(editDistance(['a', 'b'], [])).toBe(2);
  expect(editDistance([], ['a', 'b', 'c'])).toBe(3);
});

test('wordErrorRate pools errors over utterances and divides by the reference words', () => {
  // 1 substitution in 3 words, 1 insertion and 1 deletion in 4 words: 3 errors / 7 words.
  const references = ['one two three', 'four five six seven'];
  const hypotheses = ['one too three', 'four four five seven'];
  expect(wordErrorRate(references, hypotheses)).toBeCloseTo(3 / 7, 12);
  expect(wordErrorRate(['a b'], ['a b c d e'])).toBe(1.5); // insertions can pass 100%
  expect(wordErrorRate(['  one   two '], ['one two'])).toBe(0); // whitespace is only a separator
  expect(wordErrorRate(['一 二 三'], ['一 三'])).toBeCloseTo(1 / 3, 12);
});

test('characterErrorRate works on characters with spaces removed', () => {
  expect(characterErrorRate(['one two'], ['one too'])).toBeCloseTo(1 / 6, 12);
  expect(characterErrorRate(['one two'], ['onetwo'])).toBe(0);
  expect(characterErrorRate(['一二三', 'ab'], ['一三三四', 'b'])).toBeCloseTo(3 / 5, 12);
});

test('snapToLexicon keeps lexicon words and moves the others to the nearest, ties to the earlier', () => {
  expect(snapToLexicon(['too', 'three', 'fiv'], ['one', 'two', 'three', 'five'])).toEqual(['two', 'three', 'five']);
  // 'xyz' is 3 edits from both 'one' and 'two': the earlier lexicon word wins.
  expect(snapToLexicon(['xyz'], ['one', 'two'])).toEqual(['one']);
  expect(snapToLexicon([], ['one'])).toEqual([]);
});

test('bad arguments name the function and the argument', () => {
  expect(() => wordErrorRate(['a'], ['a', 'b'])).toThrow(
    'wordErrorRate: expected references and hypotheses as string arrays of equal length, got 1 and 2',
  );
  expect(() => characterErrorRate([' '], [''])).toThrow(
    'characterErrorRate: expected references with at least one token',
  );
  expect(() => wordErrorRate(['a'], [3 as never])).toThrow(
    'wordErrorRate: expected strings, got string and number at 0',
  );
  expect(() => editDistance('abc' as never, [])).toThrow('editDistance: expected reference and hypothesis arrays');
  expect(() => snapToLexicon(['a'], [])).toThrow('snapToLexicon: expected lexicon to be a non-empty array of words');
});
