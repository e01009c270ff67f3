import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  assertFiniteNumber,
  assertKnownOptions,
  assertPositiveInteger,
  createRandom,
  type SeededRandom,
} from '@baihua/core';
import type { LstmState } from '@baihua/rnn';
import type { Vocabulary } from '../text-common/vocabulary.js';
import { CharLanguageModel, disposeState, tidyWithState } from './char-language-model.js';

/** Options of {@link generateText}. */
export interface GenerateTextOptions {
  /** The text to continue: at least one character the vocabulary knows. Required. */
  prompt: string;
  /** Characters to generate (the prompt not counted). Required. */
  length: number;
  /** Divides the logits before the softmax: < 1 sharper, > 1 flatter; must be > 0. Default 1. */
  temperature?: number;
  /** Sample among the k most likely characters only (1 = greedy). Default: the whole vocabulary. */
  topK?: number;
  /** Seed of the sampling; the same seed gives the same text. Default 1. */
  seed?: number;
}

/** Ids 0..3 (`<pad>`, `<bos>`, `<eos>`, `<unk>`) are never sampled. */
const firstSampledId = 4;

/** Draws one id from logits: divided by the temperature, cut to the top k, softmax, seeded draw. */
function sampleLogits(logits: ArrayLike<number>, temperature: number, topK: number, random: SeededRandom) {
  const candidates = Array.from({ length: logits.length - firstSampledId }, (_, i) => i + firstSampledId)
    .sort((a, b) => (logits[b] as number) - (logits[a] as number) || a - b)
    .slice(0, topK);
  const top = (logits[candidates[0] as number] as number) / temperature;
  const weights = candidates.map((id) => Math.exp((logits[id] as number) / temperature - top));
  let draw = random.next() * weights.reduce((sum, w) => sum + w, 0);
  for (let i = 0; i < candidates.length; i++) {
    draw -= weights[i] as number;
    if (draw < 0) return candidates[i] as number;
  }
  return candidates[0] as number;
}

/**
 * Continues `prompt` by `length` characters sampled from a {@link CharLanguageModel}: the prompt is
 * run through the model, then each step draws c ~ softmax(logits / temperature) restricted to the
 * `topK` most likely characters, and feeds c back in. Temperature -> 0 tends to greedy decoding
 * (always the most likely character), as does topK = 1. The specials (ids 0..3, `<unk>` included)
 * are never drawn. Unknown prompt characters become `<unk>` (the id the model was trained on for
 * rare characters); a prompt with no known character at all is refused.
 * Returns the generated characters only (not the prompt).
 *
 * @example
 * await generateText(model, vocabulary, { prompt: '神经网络', length: 80, temperature: 0.8, topK: 20, seed: 7 });
 *
 * In plain words: the seed's music generator, one character at a time, with a dial for boldness.
 */
export async function generateText(
  model: CharLanguageModel,
  vocabulary: Vocabulary,
  options: GenerateTextOptions,
): Promise<string> {
  const fn = 'generateText';
  if (!(model instanceof CharLanguageModel))
    throw new ArgumentError(fn, `expected model to be a CharLanguageModel, got ${typeof model}`);
  if (typeof vocabulary?.encode !== 'function' || vocabulary.size !== model.vocabularySize)
    throw new ArgumentError(
      fn,
      `expected vocabulary to be a Vocabulary of the model's size ${model.vocabularySize}, got ${vocabulary?.size}`,
    );
  assertKnownOptions(fn, 'options', options, ['prompt', 'length', 'temperature', 'topK', 'seed']);
  const { prompt, length, temperature = 1, topK = vocabulary.size, seed = 1 } = options ?? ({} as GenerateTextOptions);
  if (typeof prompt !== 'string' || prompt === '')
    throw new ArgumentError(fn, `expected prompt to be a non-empty string, got ${JSON.stringify(prompt)}`);
  assertPositiveInteger(fn, 'length', length);
  assertFiniteNumber(fn, 'temperature', temperature);
  if (temperature <= 0) throw new ArgumentError(fn, `expected temperature > 0, got ${temperature}`);
  if (!Number.isInteger(topK) || topK < 1 || topK > vocabulary.size)
    throw new ArgumentError(fn, `expected topK to be an integer in 1..${vocabulary.size}, got ${topK}`);
  assertFiniteNumber(fn, 'seed', seed);
  const promptIds = vocabulary.encode(prompt);
  if (promptIds.every((id) => id === 3))
    throw new ArgumentError(fn, `expected prompt to hold at least one known character, got ${JSON.stringify(prompt)}`);
  const random = createRandom(seed);
  const generated: number[] = [];
  let state: LstmState[] | undefined;
  let input = promptIds;
  try {
    while (generated.length < length) {
      const previous = state;
      const { last, finalState } = tidyWithState(() => {
        const run = model.run(tf.tensor2d([input], undefined, 'int32'), previous);
        return { last: tf.slice(run.logits, [0, input.length - 1, 0], [1, 1, -1]), finalState: run.finalState };
      });
      disposeState(previous);
      state = finalState;
      const logits = await last.data();
      last.dispose();
      const id = sampleLogits(logits, temperature, topK, random);
      generated.push(id);
      input = [id];
    }
  } finally {
    disposeState(state);
  }
  return vocabulary.decodeText(generated);
}
