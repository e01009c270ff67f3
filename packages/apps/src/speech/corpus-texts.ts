import { ArgumentError, type SeededRandom, assertOneOf } from '@baihua/core';

/** The corpus languages: English digit words and commands, or Mandarin digits (characters as labels). */
export type CorpusLanguage = 'en' | 'cmn';

/** "zero".."nine": the English digit words, index = digit. */
export const englishDigitWords = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
] as const;

/** 零一二三四五六七八九: the Mandarin digits, index = digit. */
export const mandarinDigits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** The short English command phrases the corpus mixes in with digit strings. */
export const commandPhrases = [
  'go left',
  'go right',
  'stop',
  'go up',
  'go down',
  'yes',
  'no',
  'turn left',
  'turn right',
  'stop now',
] as const;

/**
 * One random utterance: a string of 3-7 digits (English words joined by spaces; Mandarin characters
 * joined by spaces too, so every character is a word to WER), or, for English with probability
 * `commandShare`, one of {@link commandPhrases}.
 *
 * @example
 * randomUtterance(createRandom(1), 'en'); // e.g. 'four one nine'
 *
 * In plain words: a made-up phone-number-like string or command for the synthesiser to say.
 */
export function randomUtterance(random: SeededRandom, language: CorpusLanguage, commandShare = 0.25): string {
  assertOneOf('randomUtterance', 'language', language, ['en', 'cmn']);
  if (!(commandShare >= 0 && commandShare <= 1))
    throw new ArgumentError('randomUtterance', `expected commandShare in [0, 1], got ${commandShare}`);
  if (language === 'en' && random.next() < commandShare)
    return commandPhrases[random.integer(commandPhrases.length)] as string;
  const words = language === 'en' ? englishDigitWords : mandarinDigits;
  const length = 3 + random.integer(5);
  return Array.from({ length }, () => words[random.integer(10)]).join(' ');
}

/**
 * Every word {@link randomUtterance} can say in `language`, the corpus lexicon and a recogniser's
 * vocabulary: English the ten digit words then the command words in first-use order (20 words), Mandarin
 * the ten digit characters.
 *
 * @example
 * corpusLexicon('en'); // ['zero', ..., 'nine', 'go', 'left', 'right', 'stop', 'up', 'down', 'yes', 'no', 'turn',
 * //                        'now']
 *
 * In plain words: the words the synthesiser may say, so the recogniser knows what to listen for.
 */
export function corpusLexicon(language: CorpusLanguage): string[] {
  if (language === 'cmn') return [...mandarinDigits];
  return [...new Set([...englishDigitWords, ...commandPhrases.flatMap((phrase) => phrase.split(' '))])];
}
