import { ArgumentError } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { padSequences } from '../text-common/pad-sequences.js';
import type { UnknownTokenPolicy, Vocabulary } from '../text-common/vocabulary.js';

/** One training example: a source text and its translation. */
export interface TranslationPair {
  source: string;
  target: string;
}

/**
 * Source texts -> padded ids int32 [B, S] (no `<bos>`/`<eos>`), refusing empty texts by index;
 * `fn` names the caller. In plain words: the inputs of one batch as a table of ids.
 */
export function sourceIds(
  fn: string,
  vocabulary: Vocabulary,
  texts: readonly string[],
  unknown: UnknownTokenPolicy = 'unk',
): { ids: tf.Tensor2D; lengths: number[] } {
  if (!Array.isArray(texts) || texts.length === 0)
    throw new ArgumentError(
      fn,
      `expected a non-empty array of texts, got ${Array.isArray(texts) ? 'none' : typeof texts}`,
    );
  const encoded = texts.map((text, i) => {
    if (typeof text !== 'string' || text.trim() === '')
      throw new ArgumentError(fn, `expected texts[${i}] to be a non-empty string, got ${JSON.stringify(text)}`);
    return vocabulary.encode(text, { unknown });
  });
  const { ids, shape } = padSequences(encoded);
  return { ids: tf.tensor2d(ids, shape, 'int32'), lengths: encoded.map((e) => e.length) };
}

/**
 * A teacher-forcing batch: x = [sourceIds [B, S], targetInputIds [B, T]] (`<bos>` + target),
 * y = targetOutputIds [B, T] (target + `<eos>`), 0-padded; what `trainStep` takes for a
 * {@link TranslationModel}. Unknown target tokens are an error (they would be learnt as `<unk>`).
 *
 * @example
 * const { x, y } = translationBatch(model, [{ source: '十二', target: '12' }]); // x[1]: [[1, 5, 6]], y: [[5, 6, 2]]
 *
 * In plain words: the questions with the answer shifted by one, so each position predicts the next token.
 */
export function translationBatch(
  model: { sourceVocabulary: Vocabulary; targetVocabulary: Vocabulary },
  pairs: readonly TranslationPair[],
): { x: [tf.Tensor2D, tf.Tensor2D]; y: tf.Tensor2D } {
  const fn = 'translationBatch';
  if (!Array.isArray(pairs) || pairs.length === 0) throw new ArgumentError(fn, 'expected a non-empty array of pairs');
  const targets = pairs.map(({ target }, i) => {
    if (typeof target !== 'string' || target === '')
      throw new ArgumentError(
        fn,
        `expected pairs[${i}].target to be a non-empty string, got ${JSON.stringify(target)}`,
      );
    return model.targetVocabulary.encode(target, { unknown: 'error' });
  });
  const inputs = padSequences(targets.map((t) => [1, ...t]));
  const outputs = padSequences(targets.map((t) => [...t, 2]));
  const source = sourceIds(
    fn,
    model.sourceVocabulary,
    pairs.map((p) => p.source),
  ).ids;
  return {
    x: [source, tf.tensor2d(inputs.ids, inputs.shape, 'int32')],
    y: tf.tensor2d(outputs.ids, outputs.shape, 'int32'),
  };
}
