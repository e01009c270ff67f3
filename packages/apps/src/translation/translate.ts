import {
  ArgumentError,
  assertFiniteNumber,
  assertKnownOptions,
  assertNonNegative,
  assertOneOf,
  assertPositiveInteger,
} from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import type { AttentionDecoderState } from '../text-common/attention-decoder.js';
import { type BeamSearchResult, beamSearch } from '../text-common/beam-search.js';
import type { UnknownTokenPolicy } from '../text-common/vocabulary.js';
import { sourceIds } from './translation-batch.js';
import type { TranslationModel } from './translation-model.js';

/** Options of {@link translate}. */
export interface TranslateOptions {
  /** Hypotheses kept per text; 1 is greedy. Default 4. */
  beamWidth?: number;
  /** Most output tokens per text, `<eos>` included. Default 64. */
  maxLength?: number;
  /** GNMT's alpha (see beamSearch). Default 0. */
  lengthPenalty?: number;
  /** Source tokens missing from the vocabulary: read as `<unk>` ('unk', the default) or refused ('error'). */
  unknown?: UnknownTokenPolicy;
}

/** One translated text. */
export interface Translation {
  /** The output text. */
  text: string;
  /** The output tokens, then `<eos>` when the decoder ended it (absent when cut at maxLength). */
  tokens: string[];
  /** The source tokens as the model read them (`<unk>` for unknown ones). */
  sourceTokens: string[];
  /** attention[i][j]: weight of source token j when writing tokens[i]; rows sum to 1. */
  attention: number[][];
  /** The beam's ranking score (summed log-probability over the length penalty). */
  score: number;
}

/**
 * Translates texts with a trained {@link TranslationModel}: encodes them as one padded batch, then
 * beam search (beamWidth 1: greedy) over the attention decoder. Returns, per text, the output, its
 * tokens, the source tokens and the attention matrix (for {@link attentionMapPng}). Empty texts,
 * bad options and (with unknown: 'error') unknown tokens are refused; nothing is left behind.
 *
 * @example
 * const [result] = await translate(model, ['一万零一十'], { beamWidth: 4 });
 * result.text; // '10010' once trained
 *
 * In plain words: read each sentence once, then write the most likely translation token by token.
 */
export async function translate(
  model: TranslationModel,
  texts: readonly string[],
  options: TranslateOptions = {},
): Promise<Translation[]> {
  const fn = 'translate';
  assertKnownOptions(fn, 'options', options, ['beamWidth', 'maxLength', 'lengthPenalty', 'unknown']);
  if (model === null || typeof model !== 'object' || typeof (model as TranslationModel).encode !== 'function')
    throw new ArgumentError(
      fn,
      `expected model to be a TranslationModel, got ${model === null ? 'null' : typeof model}`,
    );
  const { beamWidth = 4, maxLength = 64, lengthPenalty = 0, unknown = 'unk' } = options;
  assertOneOf(fn, 'unknown', unknown, ['unk', 'error']);
  assertPositiveInteger(fn, 'beamWidth', beamWidth);
  assertPositiveInteger(fn, 'maxLength', maxLength);
  assertFiniteNumber(fn, 'lengthPenalty', lengthPenalty);
  assertNonNegative(fn, 'lengthPenalty', lengthPenalty);
  const { ids, lengths } = sourceIds(fn, model.sourceVocabulary, texts, unknown);
  const { memory, memoryMask } = model.encode(ids);
  const start = model.decoder.start(memory, { memoryMask });
  // Never write <pad>, <bos> or <unk> (training targets hold none of them): their logits get -1e9.
  const banned = Array.from({ length: model.targetVocabulary.size }, (_, id) => ([0, 1, 3].includes(id) ? -1e9 : 0));
  const bias = tf.tensor1d(banned);
  const step = (tokens: tf.Tensor1D, state: AttentionDecoderState) => {
    const out = model.decoder.step(tokens, state);
    const logits = tf.add(out.logits, bias);
    out.logits.dispose();
    return { ...out, logits };
  };
  let found: BeamSearchResult;
  try {
    found = await beamSearch(step, start, { beamWidth, maxLength, lengthPenalty });
  } finally {
    tf.dispose([ids, bias, memory, memoryMask, start.hidden, start.cell, start.context, start.keys, start.memoryMask]);
  }
  const idsOf = texts.map((text) => model.sourceVocabulary.encode(text));
  return found.ids.map((out, i) => {
    const tokens = out.map((id) => model.targetVocabulary.tokenOf(id));
    const length = lengths[i] as number;
    return {
      text: model.targetVocabulary.decodeText(out),
      tokens: found.finished[i] ? [...tokens, '<eos>'] : tokens,
      sourceTokens: (idsOf[i] as number[]).map((id) => model.sourceVocabulary.tokenOf(id)),
      attention: (found.weights[i] as number[][]).map((row) => row.slice(0, length)),
      score: found.scores[i] as number,
    };
  });
}
