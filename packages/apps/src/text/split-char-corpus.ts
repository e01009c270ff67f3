import { ArgumentError, assertInRange, assertKnownOptions, assertPositiveInteger } from '@baihua/core';
import { Vocabulary } from '../text-common/vocabulary.js';

/** Options of {@link splitCharCorpus}. */
export interface SplitCharCorpusOptions {
  /** Share of the characters, taken from the end, held out. Default 0.1. */
  heldOutFraction?: number;
  /** Training characters seen fewer times become `<unk>` (so every model learns `<unk>`). Default 2. */
  minCount?: number;
}

/** What {@link splitCharCorpus} returns. */
export interface CharCorpus {
  /** 'chars' table counted on the training span only. */
  vocabulary: Vocabulary;
  trainText: string;
  heldOutText: string;
  trainIds: number[];
  heldOutIds: number[];
}

/**
 * Splits a text into a training span (the first 1 - heldOutFraction of its characters) and a
 * contiguous held-out span (the rest, not random lines), and encodes both with a character
 * vocabulary counted on the training span alone. Characters seen fewer than `minCount` times in
 * training, and every held-out character training never saw, become `<unk>` (id 3) in both
 * spans: the language model and the n-gram baselines then read the same ids and learn the same
 * `<unk>`, so their perplexities compare. Nothing else is changed (whitespace, markup and LaTeX stay).
 *
 * @example
 * const { vocabulary, trainIds, heldOutIds } = splitCharCorpus(readFileSync('notes.txt', 'utf8'));
 *
 * In plain words: study the first nine tenths of the book, then get tested on the last tenth.
 */
export function splitCharCorpus(text: string, options: SplitCharCorpusOptions = {}): CharCorpus {
  const fn = 'splitCharCorpus';
  assertKnownOptions(fn, 'options', options, ['heldOutFraction', 'minCount']);
  const { heldOutFraction = 0.1, minCount = 2 } = options;
  assertInRange(fn, 'heldOutFraction', heldOutFraction, { min: 0, max: 1, minExclusive: true, maxExclusive: true });
  assertPositiveInteger(fn, 'minCount', minCount);
  if (typeof text !== 'string')
    throw new ArgumentError(fn, `expected text to be a string, got ${text === null ? 'null' : typeof text}`);
  if (text === '') throw new ArgumentError(fn, 'expected a non-empty text, got an empty string');
  const characters = Array.from(text);
  const trainLength = Math.round(characters.length * (1 - heldOutFraction));
  if (trainLength < 2 || characters.length - trainLength < 2)
    throw new ArgumentError(
      fn,
      `expected text long enough for two characters in each span, got ${characters.length} characters`,
    );
  const trainText = characters.slice(0, trainLength).join('');
  const heldOutText = characters.slice(trainLength).join('');
  const vocabulary = Vocabulary.fromTexts([trainText], { tokenization: 'chars', minCount });
  return {
    vocabulary,
    trainText,
    heldOutText,
    trainIds: vocabulary.encode(trainText),
    heldOutIds: vocabulary.encode(heldOutText),
  };
}
