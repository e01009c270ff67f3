import {
  ArgumentError,
  Dense,
  Masking,
  Sequential,
  assertKnownOptions,
  assertPositiveInteger,
  input,
} from '@baihua/core';
import { Bidirectional, LSTM } from '@baihua/rnn';

/** A recogniser: the network and how to read it (its words, its frame stacking). */
export interface SpeechRecognizer {
  /** Masking -> BLSTM -> BLSTM -> Dense: [N, T, 26 stack] -> logits [N, T, vocabulary.length + 1]. */
  model: Sequential;
  /** Output class k + 1 is vocabulary[k]; class 0 is the CTC blank. */
  vocabulary: string[];
  /** MFCC frames stacked into one step (10 ms each). */
  stack: number;
}

/** Options of {@link createSpeechRecognizer}. */
export interface SpeechRecognizerOptions {
  /** The words (or, for Mandarin, characters) it can say, one class each. Required. */
  vocabulary: readonly string[];
  /** LSTM units per direction and layer. Default 64. */
  units?: number;
  /** Bidirectional LSTM layers. Default 2. */
  layers?: number;
  /** MFCC frames stacked per step (frame subsampling). Default 3. */
  stack?: number;
  /** Seeds every initial weight. Default 1. */
  seed?: number;
}

/**
 * The seed's recogniser, MFCC -> BLSTM -> softmax(y_t) -> CTC: Masking (zero padding frames) ->
 * `layers` x Bidirectional(LSTM(units), concat) -> Dense(vocabulary.length + 1) giving per-step logits,
 * trained with CTC ({@link trainSpeechRecognizer}) and read by {@link recognize}. Word units: each word
 * of the vocabulary is one output class (Mandarin: each character), so a 20-word digit-and-command task
 * has 21 classes. Input [N, T, 26 stack] from recognizerFeatures.
 *
 * @example
 * const recognizer = createSpeechRecognizer({ vocabulary: corpusLexicon('en'), units: 64 });
 *
 * In plain words: a network that listens both ways along the sound and says, every 30 ms, which word it hears.
 */
export function createSpeechRecognizer(options: SpeechRecognizerOptions): SpeechRecognizer {
  const fn = 'createSpeechRecognizer';
  if (typeof options !== 'object' || options === null)
    throw new ArgumentError(fn, `expected an options object { vocabulary }, got ${options}`);
  assertKnownOptions(fn, 'options', options, ['vocabulary', 'units', 'layers', 'stack', 'seed']);
  const { vocabulary, units = 64, layers = 2, stack = 3, seed = 1 } = options;
  if (
    !Array.isArray(vocabulary) ||
    vocabulary.length === 0 ||
    !vocabulary.every((w) => typeof w === 'string' && /^\S+$/.test(w))
  )
    throw new ArgumentError(
      fn,
      `expected options.vocabulary to be non-empty words without spaces, got ${String(vocabulary)}`,
    );
  if (new Set(vocabulary).size !== vocabulary.length)
    throw new ArgumentError(fn, `expected options.vocabulary without repeats, got [${vocabulary.join(', ')}]`);
  assertPositiveInteger(fn, 'options.units', units);
  assertPositiveInteger(fn, 'options.layers', layers);
  assertPositiveInteger(fn, 'options.stack', stack);
  const recurrent = Array.from(
    { length: layers },
    () => new Bidirectional({ layer: new LSTM({ units, returnSequences: true }) }),
  );
  const model = new Sequential({
    seed,
    layers: [new Masking({ maskValue: 0 }), ...recurrent, new Dense({ units: vocabulary.length + 1 })],
  });
  // Built on a free time axis, so batches of any length run through it.
  model.apply(input({ shape: [null, 26 * stack] }));
  return { model, vocabulary: [...vocabulary], stack };
}
