// One language's run: speak (or reuse) the corpus, train MFCC -> BLSTM -> CTC on the training voices,
// recognise every utterance of the unheard test voices, and score WER and CER.
import {
  type CorpusLanguage,
  type Recognition,
  type SpeechRecognizer,
  characterErrorRate,
  corpusLexicon,
  createSpeechRecognizer,
  readCorpusAudio,
  recognize,
  speakCorpus,
  trainSpeechRecognizer,
  wordErrorRate,
} from '@baihua/apps/speech';
import type { DecodedAudio, SpecAugmentOptions } from '@baihua/apps/speech';

/** What a run is given: the corpus sizes and speakers, the model size and the training length. */
export interface SpeechRunSettings {
  language: CorpusLanguage;
  directory: string;
  voices: string[];
  testVoices: string[];
  utterances: number;
  /** Utterances per test speaker. Default `utterances`. */
  testUtterances?: number;
  units: number;
  stack: number;
  steps: number;
  batchSize: number;
  learningRate: number;
  beamWidth: number;
  seed: number;
  /** Speed perturbation factors for training (trainSpeechRecognizer's speeds). Default [1]. */
  speeds?: number[];
  /** SpecAugment masking for training. Default none. */
  specAugment?: SpecAugmentOptions;
  onStep?: (step: number, loss: number) => void;
}

/** What a run measured. */
export interface SpeechRunResult {
  recognizer: SpeechRecognizer;
  wer: number;
  cer: number;
  trainUtterances: number;
  testUtterances: number;
  references: string[];
  /** The speaker of each test utterance. */
  testVoices: string[];
  hypotheses: Recognition[];
  firstTestAudio: DecodedAudio;
  trainSeconds: number;
}

/** Speaks, trains and scores one language; the test utterances come from speakers never trained on. */
export async function runSpeech(settings: SpeechRunSettings): Promise<SpeechRunResult> {
  const corpus = await speakCorpus({
    language: settings.language,
    seed: settings.seed,
    directory: `${settings.directory}/${settings.language}`,
    voices: settings.voices,
    testVoices: settings.testVoices,
    utterances: settings.utterances,
    ...(settings.testUtterances && { testUtterances: settings.testUtterances }),
  });
  const recognizer = createSpeechRecognizer({
    vocabulary: corpusLexicon(settings.language),
    units: settings.units,
    stack: settings.stack,
    seed: settings.seed,
  });
  const started = performance.now();
  await trainSpeechRecognizer(
    recognizer,
    {
      audio: corpus.train.map((entry) => readCorpusAudio(corpus, entry)),
      texts: corpus.train.map((entry) => entry.text),
    },
    {
      steps: settings.steps,
      batchSize: settings.batchSize,
      learningRate: settings.learningRate,
      seed: settings.seed,
      ...(settings.speeds && { speeds: settings.speeds }),
      ...(settings.specAugment && { specAugment: settings.specAugment }),
      onStep: ({ step, loss }) => settings.onStep?.(step, loss),
    },
  );
  const trainSeconds = (performance.now() - started) / 1000;
  const references = corpus.test.map((entry) => entry.text);
  const audio = corpus.test.map((entry) => readCorpusAudio(corpus, entry));
  const hypotheses: Recognition[] = [];
  for (const clip of audio) hypotheses.push(await recognize(recognizer, clip, { beamWidth: settings.beamWidth }));
  const texts = hypotheses.map((h) => h.text);
  return {
    recognizer,
    references,
    hypotheses,
    trainSeconds,
    testVoices: corpus.test.map((entry) => entry.voice),
    wer: wordErrorRate(references, texts),
    cer: characterErrorRate(references, texts),
    trainUtterances: corpus.train.length,
    testUtterances: references.length,
    firstTestAudio: audio[0] as DecodedAudio,
  };
}
