import { ArgumentError, assertKnownOptions, assertPositive } from '@baihua/core';
import { resample } from './resample.js';

/** What audioBufferToSignal reads: a Web Audio AudioBuffer, or anything shaped like one. */
export interface AudioBufferLike {
  readonly sampleRate: number;
  readonly numberOfChannels: number;
  getChannelData(channel: number): Float32Array;
}

/** Options of {@link audioBufferToSignal}. */
export interface AudioBufferToSignalOptions {
  /** A channel index, or 'mix' for the mean of all channels. Default 'mix'. */
  channel?: number | 'mix';
  /** Resample to this rate (band-limited, see resample); default: keep the buffer's rate. */
  sampleRate?: number;
}

const fn = 'audioBufferToSignal';

/**
 * One mono signal from a browser AudioBuffer (from AudioContext.decodeAudioData, a recorder, an
 * OfflineAudioContext): the mean of all channels or one chosen channel, resampled to options.sampleRate
 * when given (speech features want 16 kHz; browsers decode at 44.1 or 48 kHz). A new Float32Array.
 *
 * @example
 * const buffer = await new AudioContext().decodeAudioData(await file.arrayBuffer());
 * const features = mfcc(tf.tensor1d(audioBufferToSignal(buffer, { sampleRate: 16000 })));
 *
 * In plain words: get one 16 kHz track of samples out of whatever the browser decoded.
 */
export function audioBufferToSignal(buffer: AudioBufferLike, options: AudioBufferToSignalOptions = {}): Float32Array {
  if (typeof buffer !== 'object' || buffer === null || typeof buffer.getChannelData !== 'function')
    throw new ArgumentError(fn, 'expected buffer to be an AudioBuffer (sampleRate, numberOfChannels, getChannelData)');
  assertKnownOptions(fn, 'options', options, ['channel', 'sampleRate']);
  const { channel = 'mix', sampleRate } = options;
  const count = buffer.numberOfChannels;
  if (!Number.isInteger(count) || count < 1)
    throw new ArgumentError(fn, `expected buffer.numberOfChannels >= 1, got ${String(count)}`);
  if (channel !== 'mix' && !(Number.isInteger(channel) && channel >= 0 && channel < count))
    throw new ArgumentError(fn, `expected options.channel to be 'mix' or 0 .. ${count - 1}, got ${String(channel)}`);
  assertPositive(fn, 'buffer.sampleRate', buffer.sampleRate);
  let signal: Float32Array;
  if (channel !== 'mix') signal = Float32Array.from(buffer.getChannelData(channel));
  else {
    const sum = new Float64Array(buffer.getChannelData(0).length);
    for (let c = 0; c < count; c++) buffer.getChannelData(c).forEach((x, i) => (sum[i] = (sum[i] as number) + x));
    signal = Float32Array.from(sum, (x) => x / count);
  }
  if (sampleRate === undefined) return signal;
  assertPositive(fn, 'options.sampleRate', sampleRate);
  return resample(signal, buffer.sampleRate, sampleRate);
}
