import { ArgumentError, assertKnownOptions } from '@baihua/core';
import { ctcBeamSearchDecode, ctcGreedyDecode } from '@baihua/rnn';
import * as tf from '@tensorflow/tfjs-core';
import { ctcAlignment } from './ctc-alignment.js';
import type { DecodedAudio } from './read-wav.js';
import { recognizerFeatures } from './recognizer-features.js';
import { snapToLexicon } from './snap-to-lexicon.js';
import type { SpeechRecognizer } from './speech-recognizer.js';

/** Options of {@link recognize}. */
export interface RecognizeOptions {
  /** 0 or 1 (default 1): greedy best-path decoding; wider: CTC prefix beam search of that width. */
  beamWidth?: number;
  /** Allowed words: any decoded word outside it is snapped to the nearest one by edit distance. */
  lexicon?: readonly string[];
}

/** A recognised word and when it was said, in seconds from the start of the audio. */
export interface RecognizedWord {
  word: string;
  start: number;
  end: number;
}

/** What {@link recognize} returns: the words joined by spaces, and each word with its timing. */
export interface Recognition {
  text: string;
  words: RecognizedWord[];
}

/**
 * Recognises one utterance: features (recognizerFeatures) -> the model's logits -> log-softmax,
 * decoded greedily or by beam search (@baihua/rnn), words outside `lexicon` snapped to it, and
 * each word timed by the Viterbi CTC alignment of the decoded labels ({@link ctcAlignment}): a word
 * emitted on steps first..last spans [first stack 10 ms, (last + 1) stack 10 ms). Audio: mono
 * DecodedAudio at 16 kHz, at least 0.1 s, finite samples (clear errors otherwise; resample first).
 * Async: reads the posteriors. Leaves no tensors behind.
 *
 * @example
 * const { text, words } = await recognize(recognizer, readWav(bytes), { beamWidth: 8 });
 * // 'four one nine', [{ word: 'four', start: 0.12, end: 0.33 }, ...]
 *
 * In plain words: listen to a recording and write down the words, with when each was said.
 */
export async function recognize(
  recognizer: SpeechRecognizer,
  audio: DecodedAudio,
  options: RecognizeOptions = {},
): Promise<Recognition> {
  const fn = 'recognize';
  assertKnownOptions(fn, 'options', options, ['beamWidth', 'lexicon']);
  const { beamWidth = 1, lexicon } = options;
  if (!Number.isInteger(beamWidth) || beamWidth < 0)
    throw new ArgumentError(fn, `expected options.beamWidth to be a whole number >= 0, got ${beamWidth}`);
  if (lexicon !== undefined) snapToLexicon([], lexicon);
  const features = recognizerFeatures(audio, recognizer.stack, fn);
  const logProbabilities = tf.tidy(() =>
    tf.logSoftmax(recognizer.model.apply(tf.expandDims(features, 0)) as tf.Tensor3D),
  );
  features.dispose();
  try {
    const decoded =
      beamWidth > 1
        ? await ctcBeamSearchDecode(logProbabilities, { beamWidth, fromLogits: false })
        : await ctcGreedyDecode(logProbabilities, { fromLogits: false });
    const labels = decoded.paths[0]?.[0] ?? [];
    const [steps, classes] = logProbabilities.shape.slice(1) as [number, number];
    const values = await logProbabilities.data();
    const rows = Array.from({ length: steps }, (_, t) => values.subarray(t * classes, (t + 1) * classes));
    const seconds = recognizer.stack * 0.01;
    const timed = ctcAlignment(rows, labels);
    const spoken = labels.map((label) => recognizer.vocabulary[label - 1] as string);
    const words = lexicon === undefined ? spoken : snapToLexicon(spoken, lexicon);
    return {
      text: words.join(' '),
      words: words.map((word, i) => ({
        word,
        start: (timed[i]?.first ?? 0) * seconds,
        end: ((timed[i]?.last ?? 0) + 1) * seconds,
      })),
    };
  } finally {
    logProbabilities.dispose();
  }
}
