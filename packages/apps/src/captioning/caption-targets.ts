import { ArgumentError, assertKnownOptions } from '@baihua/core';
import { padSequences } from '../text-common/pad-sequences.js';
import type { UnknownTokenPolicy, Vocabulary } from '../text-common/vocabulary.js';

/** Options of {@link captionTargets}. */
export interface CaptionTargetsOptions {
  /** What a word the vocabulary lacks becomes: `<unk>` ('unk', default) or an error naming it ('error'). */
  unknown?: UnknownTokenPolicy;
}

/** Teacher-forcing rows: decoder inputs and targets, both row-major int32 [N, T]. */
export interface CaptionTargetBatch {
  /** `<bos> w_1 .. w_n`, right-padded with `<pad>` (0). */
  inputIds: Int32Array;
  /** `w_1 .. w_n <eos>`, right-padded with `<pad>` (0): the loss ignores the padding. */
  targetIds: Int32Array;
  /** [N, T], T = the longest caption's words + 1. */
  shape: [number, number];
}

/**
 * Encodes captions (words) for teacher forcing: the decoder reads `<bos> w_1 .. w_n` and must
 * predict `w_1 .. w_n <eos>`, one step ahead. Refuses an empty caption (it would teach nothing but
 * `<eos>`) and, with `unknown: 'error'`, words the vocabulary lacks.
 *
 * In plain words: the answer sheet, shifted by one word, so each step's question is the words so far.
 *
 * @example
 * captionTargets(['a red circle'], captionVocabulary()); // inputIds [1, 4, 9, 13], targetIds [4, 9, 13, 2]
 */
export function captionTargets(
  captions: readonly string[],
  vocabulary: Vocabulary,
  options: CaptionTargetsOptions = {},
): CaptionTargetBatch {
  assertKnownOptions('captionTargets', 'options', options, ['unknown']);
  if (!Array.isArray(captions) || captions.length === 0)
    throw new ArgumentError('captionTargets', `expected captions to be a non-empty array, got ${String(captions)}`);
  const words = captions.map((caption, i) => {
    if (typeof caption !== 'string' || caption.trim() === '') {
      throw new ArgumentError(
        'captionTargets',
        `expected captions[${i}] to be a non-empty string, got ${JSON.stringify(caption)}`,
      );
    }
    return vocabulary.encode(caption, { unknown: options.unknown ?? 'unk' });
  });
  const inputs = padSequences(words.map((ids) => [1, ...ids]));
  const targets = padSequences(words.map((ids) => [...ids, 2]));
  return { inputIds: inputs.ids, targetIds: targets.ids, shape: inputs.shape };
}
