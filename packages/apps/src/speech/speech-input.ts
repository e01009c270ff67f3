import { ArgumentError } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import type { DecodedAudio } from './read-wav.js';

/** What fbank and mfcc take: a float32 signal [n] or [batch, n], or decoded mono audio (readWav's result). */
export type SpeechInput = tf.Tensor1D | tf.Tensor2D | DecodedAudio;

/**
 * Runs `compute` on the signal tensor of `input`. Decoded audio must be mono and sampled at
 * `sampleRate` (the features' rate: computing 16 kHz features on 44.1 kHz audio silently gives wrong
 * ones); its samples in [-1, 1] are scaled by 32768 to the int16 scale Kaldi reads WAV files at (so
 * mfcc(readWav(bytes)) equals compute-mfcc-feats on the file), in a temporary tensor disposed afterwards.
 * Tensors pass through unchanged.
 */
export function withSignal<T>(
  fn: string,
  input: SpeechInput,
  sampleRate: number,
  compute: (signal: tf.Tensor1D | tf.Tensor2D) => T,
): T {
  if (input instanceof tf.Tensor || !isDecodedAudio(input)) return compute(input as tf.Tensor1D);
  const { channels } = input;
  if (channels.length !== 1)
    throw new ArgumentError(
      fn,
      `expected mono audio (1 channel), got ${channels.length} channels: pick one or mix them (audioBufferToSignal)`,
    );
  if (input.sampleRate !== sampleRate)
    throw new ArgumentError(
      fn,
      `expected audio sampled at ${sampleRate} Hz (options.sampleRate), got ${input.sampleRate} Hz: ` +
        `resample(channel, ${input.sampleRate}, ${sampleRate}) first`,
    );
  const channel = channels[0] as Float32Array;
  const bad = channel.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) throw new ArgumentError(fn, `expected finite samples, got ${channel[bad]} at sample ${bad}`);
  const signal = tf.tensor1d(Float32Array.from(channel, (x) => x * 32768));
  try {
    return compute(signal);
  } finally {
    signal.dispose();
  }
}

function isDecodedAudio(value: unknown): value is DecodedAudio {
  const audio = value as DecodedAudio;
  return (
    typeof value === 'object' && value !== null && typeof audio.sampleRate === 'number' && Array.isArray(audio.channels)
  );
}
