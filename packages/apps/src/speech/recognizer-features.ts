import { ArgumentError, assertPositiveInteger } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { deltas } from './deltas.js';
import { mfcc } from './mfcc.js';
import type { DecodedAudio } from './read-wav.js';

/** Shortest audio the recogniser takes: 0.1 s at 16 kHz (a few frames after stacking). */
export const minRecognizerSamples = 1600;

/**
 * The recogniser's input frames: 13 Kaldi MFCCs and their deltas (26 per 10 ms frame), normalised per
 * utterance (each coefficient to mean 0, deviation 1: cepstral mean and variance normalisation, which
 * removes much of the voice and channel), then every `stack` consecutive frames concatenated into one
 * (frame subsampling: T frames -> floor(T / stack) of 26 stack features, so the LSTM runs `stack` times
 * fewer steps). Audio: mono DecodedAudio at 16 kHz (stereo, other rates and NaN samples
 * throw), at least {@link minRecognizerSamples} samples. Returns [floor(T / stack), 26 stack] float32.
 *
 * @example
 * const x = recognizerFeatures(readWav(bytes), 3); // [frames / 3, 78]
 *
 * In plain words: the sound's shape every 30 ms, scaled the same for every voice.
 */
export function recognizerFeatures(audio: DecodedAudio, stack: number, fn = 'recognizerFeatures'): tf.Tensor2D {
  assertPositiveInteger(fn, 'stack', stack);
  const frames = normalisedFrames(audio, fn);
  try {
    return stackFrames(frames, stack);
  } finally {
    frames.dispose();
  }
}

/**
 * recognizerFeatures before stacking: checks the audio (errors under `fn`), then 13 MFCCs and their
 * deltas, each of the 26 normalised to mean 0, deviation 1 over the utterance: [T, 26].
 */
export function normalisedFrames(audio: DecodedAudio, fn: string): tf.Tensor2D {
  checkRecognizerAudio(audio, fn);
  const cepstra = mfcc(audio) as tf.Tensor2D;
  return tf.tidy(() => {
    const both = tf.concat([cepstra, deltas(cepstra)], 1);
    cepstra.dispose();
    const { mean, variance } = tf.moments(both, 0);
    return tf.div(tf.sub(both, mean), tf.sqrt(tf.add(variance, 1e-5))) as tf.Tensor2D;
  });
}

/** Throws under `fn` unless audio is mono, 16 kHz, at least minRecognizerSamples long and finite. */
export function checkRecognizerAudio(audio: DecodedAudio, fn: string): void {
  if (typeof audio !== 'object' || audio === null || !Array.isArray(audio.channels))
    throw new ArgumentError(fn, `expected audio as { sampleRate, channels } (readWav's result), got ${String(audio)}`);
  if (audio.channels.length !== 1)
    throw new ArgumentError(
      fn,
      `expected mono audio (1 channel), got ${audio.channels.length} channels: pick or mix one`,
    );
  if (audio.sampleRate !== 16000)
    throw new ArgumentError(
      fn,
      `expected audio sampled at 16000 Hz, got ${audio.sampleRate} Hz: ` +
        `resample(channel, ${audio.sampleRate}, 16000) first`,
    );
  const samples = audio.channels[0]?.length ?? 0;
  if (samples < minRecognizerSamples)
    throw new ArgumentError(
      fn,
      `expected audio of at least ${minRecognizerSamples} samples (0.1 s at 16 kHz), got ${samples} samples`,
    );
  const bad = (audio.channels[0] as Float32Array).findIndex((x) => !Number.isFinite(x));
  if (bad >= 0)
    throw new ArgumentError(fn, `expected finite audio samples, got ${audio.channels[0]?.[bad]} at sample ${bad}`);
}

/** Every `stack` consecutive frames [T, D] concatenated: [floor(T / stack), stack D] (a leftover tail dropped). */
export function stackFrames(frames: tf.Tensor2D, stack: number): tf.Tensor2D {
  return tf.tidy(() => {
    const [count, depth] = frames.shape;
    const kept = tf.slice(frames, [0, 0], [Math.floor(count / stack) * stack, depth]);
    return tf.reshape(kept, [Math.floor(count / stack), stack * depth]) as tf.Tensor2D;
  });
}

/**
 * Pads feature matrices [T_i, D] with zero frames into one batch [N, max T_i, D] (the Masking layer
 * in front of the recogniser skips the zero frames) and returns their lengths T_i.
 *
 * @example
 * const { x, lengths } = padFrames([a, b]); // a [40, 78], b [31, 78] -> x [2, 40, 78], lengths [40, 31]
 *
 * In plain words: line up utterances of different lengths, filling the short ones with silence the model ignores.
 */
export function padFrames(features: readonly tf.Tensor2D[]): { x: tf.Tensor3D; lengths: number[] } {
  const lengths = features.map((f) => f.shape[0]);
  const longest = Math.max(...lengths);
  const x = tf.tidy(
    () =>
      tf.stack(
        features.map((f) =>
          tf.pad(f, [
            [0, longest - f.shape[0]],
            [0, 0],
          ]),
        ),
      ) as tf.Tensor3D,
  );
  return { x, lengths };
}
