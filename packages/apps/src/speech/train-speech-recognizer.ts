import {
  Adam,
  ArgumentError,
  assertKnownOptions,
  assertPositive,
  assertPositiveInteger,
  createRandom,
  trainStep,
} from '@baihua/core';
import { ctcLoss } from '@baihua/losses';
import * as tf from '@tensorflow/tfjs-core';
import type { DecodedAudio } from './read-wav.js';
import { checkRecognizerAudio, normalisedFrames, padFrames, stackFrames } from './recognizer-features.js';
import { resample } from './resample.js';
import { type SpecAugmentOptions, checkSpecAugmentOptions, specAugment } from './spec-augment.js';
import type { SpeechRecognizer } from './speech-recognizer.js';

/** Options of {@link trainSpeechRecognizer}. */
export interface TrainSpeechRecognizerOptions {
  /** Training steps (batches). Required. */
  steps: number;
  /** Utterances per batch. Default 8. */
  batchSize?: number;
  /** Adam's learning rate. Default 3e-3. */
  learningRate?: number;
  /** Rescale gradients above this global norm. Default 5. */
  clipNorm?: number;
  /** Seeds the batch draws. Default 1. */
  seed?: number;
  /**
   * Speed perturbation: each utterance is also resampled by these factors (1.1: 10% faster and 10%
   * higher in pitch and formants), and every draw picks one of the copies at random. Each factor in
   * [0.5, 2]. Default [1] (none). Kaldi's recipes use [0.9, 1, 1.1].
   */
  speeds?: readonly number[];
  /** SpecAugment masking ({@link specAugment}), drawn afresh for every utterance of every batch. Default none. */
  specAugment?: SpecAugmentOptions;
  /** Called after every step with its CTC loss (mean per target word). */
  onStep?: (progress: { step: number; steps: number; loss: number }) => void;
}

const fn = 'trainSpeechRecognizer';

/**
 * Trains a recogniser with the CTC loss (@baihua/losses ctcLoss, mean over the batch of each
 * utterance's -ln p(words | audio) divided by its word count) through core's trainStep with Adam:
 * features are computed once (recognizerFeatures, before stacking; once per speed factor with `speeds`),
 * then each step draws `batchSize` utterances (and a speed copy of each), masks them when `specAugment`
 * is set, stacks and pads them (Masking skips the padding; ctcLoss gets their frame and word counts)
 * and takes one step.
 * Every text word must be in the recogniser's vocabulary. Returns the loss of every step.
 *
 * @example
 * const { loss } = await trainSpeechRecognizer(recognizer, { audio, texts }, { steps: 300 });
 *
 * In plain words: play the recordings with their transcripts until the network's guesses line up with the words.
 */
export async function trainSpeechRecognizer(
  recognizer: SpeechRecognizer,
  data: { audio: readonly DecodedAudio[]; texts: readonly string[] },
  options: TrainSpeechRecognizerOptions,
): Promise<{ loss: number[] }> {
  assertKnownOptions(fn, 'options', options, [
    'steps',
    'batchSize',
    'learningRate',
    'clipNorm',
    'seed',
    'speeds',
    'specAugment',
    'onStep',
  ]);
  const { steps, batchSize = 8, learningRate = 3e-3, clipNorm = 5, seed = 1, speeds = [1], onStep } = options;
  assertPositiveInteger(fn, 'options.steps', steps);
  assertPositiveInteger(fn, 'options.batchSize', batchSize);
  assertPositive(fn, 'options.learningRate', learningRate);
  assertPositive(fn, 'options.clipNorm', clipNorm);
  if (!Array.isArray(speeds) || speeds.length === 0 || !speeds.every((s) => s >= 0.5 && s <= 2))
    throw new ArgumentError(fn, `expected options.speeds to be factors in [0.5, 2], got [${String(speeds)}]`);
  const masking = options.specAugment && checkSpecAugmentOptions(fn, options.specAugment, 'options.specAugment');
  const targets = labelTexts(recognizer.vocabulary, data);
  const features: tf.Tensor2D[][] = [];
  data.audio.forEach((audio, i) => {
    try {
      checkRecognizerAudio(audio, fn);
      features.push([]);
      for (const speed of speeds) (features[i] as tf.Tensor2D[]).push(normalisedFrames(atSpeed(audio, speed), fn));
    } catch (error) {
      tf.dispose(features.flat());
      const reason = (error as Error).message.replace(`${fn}: expected `, '');
      throw new ArgumentError(fn, `expected usable data.audio[${i}]: ${reason}`);
    }
  });
  const random = createRandom(seed);
  // Its own stream, so the batches drawn for a seed stay the same with or without augmentation.
  const augmenting = createRandom(seed + 7919);
  const optimizer = new Adam({ learningRate });
  const losses: number[] = [];
  let lengths: { frames: number[]; words: number[] } = { frames: [], words: [] };
  const loss = (labels: tf.Tensor, logits: tf.Tensor) =>
    ctcLoss({ logits, targets: labels, inputLengths: lengths.frames, targetLengths: lengths.words });
  try {
    for (let step = 0; step < steps; step++) {
      const rows = Array.from({ length: Math.min(batchSize, features.length) }, () => random.integer(features.length));
      const drawn = rows.map((r) => {
        const copies = features[r] as tf.Tensor2D[];
        const frames = copies[copies.length > 1 ? augmenting.integer(copies.length) : 0] as tf.Tensor2D;
        return tf.tidy(() =>
          stackFrames(masking ? specAugment(frames, augmenting, masking) : frames, recognizer.stack),
        );
      });
      const { x, lengths: frames } = padFrames(drawn);
      tf.dispose(drawn);
      const chosen = rows.map((r) => targets[r] as number[]);
      const width = Math.max(...chosen.map((t) => t.length));
      const y = tf.tensor2d(
        chosen.map((t) => [...t, ...new Array(width - t.length).fill(0)]),
        [rows.length, width],
        'int32',
      );
      lengths = { frames, words: chosen.map((t) => t.length) };
      try {
        const result = await trainStep(recognizer.model, { x, y }, { loss, optimizer, clipNorm });
        losses.push(result.loss);
        onStep?.({ step: step + 1, steps, loss: result.loss });
      } finally {
        x.dispose();
        y.dispose();
      }
    }
  } finally {
    optimizer.dispose();
    tf.dispose(features.flat());
  }
  return { loss: losses };
}

/** The audio resampled to play `speed` times as fast (and as high); speed 1 returns it as it is. */
function atSpeed(audio: DecodedAudio, speed: number): DecodedAudio {
  if (speed === 1) return audio;
  return { sampleRate: 16000, channels: [resample(audio.channels[0] as Float32Array, 16000 * speed, 16000)] };
}

/** Each text as class indices (word k of the vocabulary -> k + 1); throws naming an unknown word. */
export function labelTexts(
  vocabulary: readonly string[],
  data: { audio: readonly unknown[]; texts: readonly string[] },
): number[][] {
  if (
    !Array.isArray(data?.audio) ||
    !Array.isArray(data?.texts) ||
    data.audio.length !== data.texts.length ||
    data.texts.length === 0
  )
    throw new ArgumentError(
      fn,
      `expected data { audio, texts } of equal non-zero lengths, got ${data?.audio?.length} and ${data?.texts?.length}`,
    );
  return data.texts.map((text, i) =>
    text
      .split(/\s+/)
      .filter((w: string) => w !== '')
      .map((word: string) => {
        const index = vocabulary.indexOf(word);
        if (index < 0) throw new ArgumentError(fn, `expected data.texts[${i}] to use vocabulary words, got '${word}'`);
        return index + 1;
      }),
  );
}
