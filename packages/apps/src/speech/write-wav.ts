import { ArgumentError, assertKnownOptions, assertOneOf, assertPositiveInteger } from '@baihua/core';
import type { DecodedAudio } from './read-wav.js';

/** Options of {@link writeWav}. */
export interface WriteWavOptions {
  /** 'pcm16': 16-bit integers (samples clipped to [-1, 1]); 'float32': IEEE float, exact. Default 'pcm16'. */
  format?: 'pcm16' | 'float32';
}

const fn = 'writeWav';

/**
 * Encodes channels of samples as a canonical RIFF/WAVE file: a 'fmt ' chunk (PCM, or IEEE float with
 * its 'fact' chunk) and one 'data' chunk of interleaved little-endian samples. pcm16 stores
 * round(clip(x, -1, 1) x 32768) clipped to [-32768, 32767], so readWav gives back x to within 1 / 65536
 * (exactly for multiples of 1 / 32768); float32 stores x unchanged.
 *
 * @example
 * const bytes = writeWav({ sampleRate: 16000, channels: [samples] }, { format: 'float32' });
 *
 * In plain words: turn sample numbers back into a .wav file any player opens.
 */
export function writeWav(audio: DecodedAudio, options: WriteWavOptions = {}): Uint8Array {
  assertKnownOptions(fn, 'options', options, ['format']);
  const { format = 'pcm16' } = options;
  assertOneOf(fn, 'options.format', format, ['pcm16', 'float32']);
  const channels = checkAudio(audio);
  const frames = channels[0]?.length ?? 0;
  const float = format === 'float32';
  const bytesPerSample = float ? 4 : 2;
  const dataSize = frames * channels.length * bytesPerSample;
  const formatSize = float ? 18 : 16;
  const factSize = float ? 12 : 0;
  const bytes = new Uint8Array(12 + 8 + formatSize + factSize + 8 + dataSize);
  const view = new DataView(bytes.buffer);
  const tag = (at: number, text: string) =>
    bytes.set(
      Array.from(text, (ch) => ch.charCodeAt(0)),
      at,
    );
  tag(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  tag(8, 'WAVE');
  tag(12, 'fmt ');
  view.setUint32(16, formatSize, true);
  view.setUint16(20, float ? 3 : 1, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * channels.length * bytesPerSample, true);
  view.setUint16(32, channels.length * bytesPerSample, true);
  view.setUint16(34, bytesPerSample * 8, true);
  let at = 20 + formatSize; // float: cbSize 0 is already there
  if (float) {
    tag(at, 'fact');
    view.setUint32(at + 4, 4, true);
    view.setUint32(at + 8, frames, true);
    at += 12;
  }
  tag(at, 'data');
  view.setUint32(at + 4, dataSize, true);
  at += 8;
  for (let i = 0; i < frames; i++)
    for (const channel of channels) {
      const x = channel[i] as number;
      if (float) view.setFloat32(at, x, true);
      else view.setInt16(at, Math.max(-32768, Math.min(32767, Math.round(Math.max(-1, Math.min(1, x)) * 32768))), true);
      at += bytesPerSample;
    }
  return bytes;
}

function checkAudio(audio: DecodedAudio): Float32Array[] {
  if (typeof audio !== 'object' || audio === null || !Array.isArray(audio.channels))
    throw new ArgumentError(fn, 'expected audio to be { sampleRate, channels: Float32Array[] }');
  assertPositiveInteger(fn, 'audio.sampleRate', audio.sampleRate);
  const { channels } = audio;
  if (channels.length < 1 || channels.length > 65535)
    throw new ArgumentError(fn, `expected audio.channels to hold 1 to 65535 channels, got ${channels.length}`);
  channels.forEach((channel, c) => {
    if (!(channel instanceof Float32Array))
      throw new ArgumentError(fn, `expected audio.channels[${c}] to be a Float32Array, got ${typeof channel}`);
    if (channel.length !== channels[0]?.length)
      throw new ArgumentError(
        fn,
        `expected channels of equal length, got ${channels[0]?.length} and ${channel.length} (channel ${c})`,
      );
    const bad = channel.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0)
      throw new ArgumentError(fn, `expected finite samples, got ${channel[bad]} at channel ${c}, sample ${bad}`);
  });
  return channels;
}
