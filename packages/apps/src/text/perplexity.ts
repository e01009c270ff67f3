import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';
import type { LstmState } from '@baihua/rnn';
import { CharLanguageModel, disposeState, tidyWithState } from './char-language-model.js';
import { checkIds } from './text-checks.js';

/**
 * Anything that scores a token sequence left to right: `logProbabilities(ids)` returns
 * log p(ids[t] | ids[0..t-1]) for t = 1..n-1 (natural log; ids[0] is context only). The n-gram
 * baselines implement it; a {@link CharLanguageModel} is scored by {@link perplexity} directly.
 */
export interface NextTokenScorer {
  /** Number of ids the distributions range over. */
  readonly vocabularySize: number;
  logProbabilities(ids: readonly number[]): Float64Array | Promise<Float64Array>;
}

/** Ids run through the model per forward pass when scoring a long span (the state carries over). */
const chunkLength = 256;

/** log p(ids[t] | ids[<t]) for t = 1..n-1 from a char model, run statefully in chunks of 256 steps. */
async function modelLogProbabilities(model: CharLanguageModel, ids: readonly number[]): Promise<Float64Array> {
  const result = new Float64Array(ids.length - 1);
  let state: LstmState[] | undefined;
  try {
    for (let start = 0; start < ids.length - 1; start += chunkLength) {
      const end = Math.min(start + chunkLength, ids.length - 1);
      const previous = state;
      const { picked, finalState } = tidyWithState(() => {
        const run = model.run(tf.tensor2d([ids.slice(start, end)], undefined, 'int32'), previous);
        const logProbabilities = tf.logSoftmax(tf.reshape(run.logits, [end - start, model.vocabularySize]));
        const targets = tf.oneHot(tf.tensor1d(ids.slice(start + 1, end + 1), 'int32'), model.vocabularySize);
        return {
          picked: tf.sum(tf.mul(logProbabilities, tf.cast(targets, 'float32')), -1),
          finalState: run.finalState,
        };
      });
      disposeState(previous);
      state = finalState;
      try {
        result.set(await picked.data(), start);
      } finally {
        picked.dispose();
      }
    }
  } finally {
    disposeState(state);
  }
  return result;
}

/** log p(ids[t] | ids[<t]) for t = 1..n-1 from a model or a scorer, checked. */
export async function sequenceLogProbabilities(
  fn: string,
  model: CharLanguageModel | NextTokenScorer,
  ids: readonly number[],
): Promise<Float64Array> {
  if (!(model instanceof CharLanguageModel) && typeof (model as NextTokenScorer)?.logProbabilities !== 'function')
    throw new ArgumentError(fn, `expected model to be a CharLanguageModel or a NextTokenScorer, got ${typeof model}`);
  checkIds(fn, 'ids', ids, model.vocabularySize, 2);
  return model instanceof CharLanguageModel ? modelLogProbabilities(model, ids) : model.logProbabilities(ids);
}

/**
 * Mean negative log-likelihood per token, -1/(n-1) sum_{t=1}^{n-1} log p(ids[t] | ids[<t]), in nats
 * (ids[0] is context only). The exponent of {@link perplexity}.
 * @example
 * await meanNegativeLogLikelihood(model, heldOutIds); // 3.9 nats per character
 * In plain words: how surprised the model is by each next character, on average.
 */
export async function meanNegativeLogLikelihood(
  model: CharLanguageModel | NextTokenScorer,
  ids: readonly number[],
): Promise<number> {
  const logProbabilities = await sequenceLogProbabilities('meanNegativeLogLikelihood', model, ids);
  return -logProbabilities.reduce((sum, value) => sum + value, 0) / logProbabilities.length;
}

/**
 * Perplexity of a token sequence: exp(-1/(n-1) sum_{t=1}^{n-1} log p(ids[t] | ids[<t])), the first
 * id serving as context only. A model or scorer (the n-gram baselines) over the same ids gets the
 * same positions, so figures compare directly; unknown characters count as the `<unk>` id for all.
 * Between 1 (always sure and right) and the vocabulary size (uniform guessing) for sensible models.
 *
 * @example
 * await perplexity(model, vocabulary.encode(heldOutText)); // e.g. 48.2
 * await perplexity(fitNGramBaseline(trainIds, { order: 2, vocabularySize: vocabulary.size }), heldOutIds);
 *
 * In plain words: "how many characters was it torn between", on average, at each step.
 */
export async function perplexity(model: CharLanguageModel | NextTokenScorer, ids: readonly number[]): Promise<number> {
  const logProbabilities = await sequenceLogProbabilities('perplexity', model, ids);
  return Math.exp(-logProbabilities.reduce((sum, value) => sum + value, 0) / logProbabilities.length);
}
