import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { espeakMissing, reportMissingEspeak } from './espeak-for-tests.js';
import { readWav, writeWav } from './index.js';

/** A WAV file built by hand, byte by byte: chunks in order, odd ones padded. */
function riff(...chunks: [id: string, body: number[]][]): Uint8Array {
  const bytes: number[] = [];
  const u32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255];
  const ascii = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0));
  for (const [id, body] of chunks)
    bytes.push(...ascii(id), ...u32(body.length), ...body, ...(body.length % 2 ? [0] : []));
  return Uint8Array.from([...ascii('RIFF'), ...u32(bytes.length + 4), ...ascii('WAVE'), ...bytes]);
}
const u16 = (n: number) => [n & 255, (n >> 8) & 255];
const u32 = (n: number) => [...u16(n & 0xffff), ...u16(n >>> 16)];
/** A 16-byte 'fmt ' body. */
const fmt = (code: number, channels: number, rate: number, bits: number) => [
  ...u16(code),
  ...u16(channels),
  ...u32(rate),
  ...u32((rate * channels * bits) / 8),
  ...u16((channels * bits) / 8),
  ...u16(bits),
];

describe('speech: WAV reading and writing', () => {
  test('pcm16 round trip is exact for multiples of 1/32768, stereo interleaved; float32 keeps every value', () => {
    const left = Float32Array.from({ length: 101 }, (_, i) => ((i * 7919) % 65536) / 32768 - 1);
    const right = left.slice().reverse();
    const pcm = readWav(writeWav({ sampleRate: 16000, channels: [left, right] }));
    expect(pcm.sampleRate).toBe(16000);
    expect(pcm.channels).toEqual([left, right]);
    const odd = Float32Array.from([0.1234567, -3.5, 1e-8, 2]);
    const float = readWav(writeWav({ sampleRate: 44100, channels: [odd] }, { format: 'float32' }));
    expect(float).toEqual({ sampleRate: 44100, channels: [odd] });
    // pcm16 clips to [-1, 1] and rounds to the nearest 1/32768.
    const clipped = readWav(writeWav({ sampleRate: 8000, channels: [odd] })).channels[0];
    expect(Array.from(clipped ?? [])).toEqual([4045 / 32768, -1, 0, 32767 / 32768]);
  });

  test('8-, 24- and 32-bit PCM, float64, WAVE_FORMAT_EXTENSIBLE and odd extra chunks decode to the values', () => {
    const list: [string, number[]] = ['LIST', [1, 2, 3]]; // odd: a pad byte follows
    expect(readWav(riff(['fmt ', fmt(1, 1, 8000, 8)], list, ['data', [0, 128, 255]])).channels[0]).toEqual(
      Float32Array.from([-1, 0, 127 / 128]),
    );
    const int24 = [0xff, 0xff, 0x7f, 0x00, 0x00, 0x80, 0x01, 0x00, 0x00];
    expect(readWav(riff(list, ['fmt ', fmt(1, 1, 8000, 24)], ['data', int24])).channels[0]).toEqual(
      Float32Array.from([8388607 / 8388608, -1, 1 / 8388608]),
    );
    const int32 = [...u32(0x80000000), ...u32(0x40000000)];
    expect(readWav(riff(['fmt ', fmt(1, 2, 8000, 32)], ['data', int32])).channels).toEqual([
      Float32Array.from([-1]),
      Float32Array.from([0.5]),
    ]);
    const float64 = Array.from(new Uint8Array(Float64Array.from([0.25, -0.75]).buffer));
    expect(readWav(riff(['fmt ', fmt(3, 1, 8000, 64)], ['data', float64])).channels[0]).toEqual(
      Float32Array.from([0.25, -0.75]),
    );
    // EXTENSIBLE: cbSize 22, valid bits, channel mask, then the PCM sub-format GUID (its first 2 bytes: 1).
    const guid = [1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71];
    const extensible = [...fmt(0xfffe, 1, 48000, 24), ...u16(22), ...u16(24), ...u32(4), ...guid];
    const audio = readWav(riff(['fmt ', extensible], ['fact', [1, 0, 0, 0]], ['data', int24]));
    expect(audio.sampleRate).toBe(48000);
    expect(audio.channels[0]).toEqual(Float32Array.from([8388607 / 8388608, -1, 1 / 8388608]));
  });

  test('truncated, lying and foreign headers are refused, naming readWav and what was wrong', () => {
    const good = writeWav({ sampleRate: 16000, channels: [new Float32Array(10)] });
    expect(() => readWav(good.subarray(0, good.length - 3))).toThrow(
      'readWav: expected 20 bytes of samples (the data chunk', // 17 left
    );
    expect(() =>
      readWav(riff(['fmt ', [...fmt(1, 2, 8000, 16).slice(0, 12), ...u16(3), ...u16(16)]], ['data', [0, 0, 0, 0]])),
    ).toThrow(/readWav: expected a consistent header .* got 2 channels, 8000 Hz, block 3 for 16 bits/);
    expect(() => readWav(riff(['fmt ', fmt(1, 1, 8000, 12)], ['data', [0, 0]]))).toThrow(
      'readWav: expected PCM 8/16/24/32-bit or float 32/64-bit samples, got format 1, 12 bits',
    );
    expect(() => readWav(riff(['fmt ', fmt(1, 1, 8000, 16)]))).toThrow("readWav: expected a 'data' chunk");
    expect(() => readWav(riff(['data', [0, 0]]))).toThrow("readWav: expected a 'fmt ' chunk before the 'data' chunk");
    expect(() => readWav(riff(['fmt ', fmt(1, 2, 8000, 16)], ['data', [0, 0]]))).toThrow(
      'readWav: expected a data size that is a multiple of the block (4 bytes), got 2',
    );
    expect(() => readWav(new TextEncoder().encode('ID3 not a wave file'))).toThrow(
      "readWav: expected bytes of a RIFF/WAVE file, got 19 bytes starting 'ID3 '",
    );
    expect(() => readWav([1, 2] as never)).toThrow('readWav: expected bytes to be a Uint8Array, got object');
  });

  test('writeWav refuses unequal channels, NaN samples, bad rates and unknown options', () => {
    const one = new Float32Array(4);
    expect(() => writeWav({ sampleRate: 16000, channels: [one, new Float32Array(3)] })).toThrow(
      'writeWav: expected channels of equal length, got 4 and 3 (channel 1)',
    );
    expect(() => writeWav({ sampleRate: 16000, channels: [Float32Array.from([0, Number.NaN])] })).toThrow(
      'writeWav: expected finite samples, got NaN at channel 0, sample 1',
    );
    expect(() => writeWav({ sampleRate: 0, channels: [one] })).toThrow(
      'writeWav: expected audio.sampleRate to be a positive integer, got 0',
    );
    expect(() => writeWav({ sampleRate: 16000, channels: [] })).toThrow(
      'writeWav: expected audio.channels to hold 1 to 65535',
    );
    expect(() => writeWav({ sampleRate: 16000, channels: [one] }, { fromat: 'pcm16' } as never)).toThrow(
      "writeWav: unknown key 'fromat' in options (did you mean 'format'?",
    );
    expect(() => writeWav({ sampleRate: 16000, channels: [one] }, { format: 'pcm24' as never })).toThrow(
      "writeWav: expected options.format to be one of 'pcm16', 'float32', got \"pcm24\"",
    );
  });
});

const missing = espeakMissing();
describe('speech: a WAV file written by espeak-ng', () => {
  if (missing !== undefined) {
    reportMissingEspeak(missing);
    return;
  }
  test('reads as espeak-ng wrote it (22050 Hz mono 16-bit), and pcm16 writes the same bytes back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baihua-wav-'));
    try {
      const file = join(dir, 'one-two.wav');
      expect(spawnSync('espeak-ng', ['-w', file, 'one two']).status).toBe(0);
      const bytes = new Uint8Array(readFileSync(file));
      const audio = readWav(bytes);
      expect(audio.sampleRate).toBe(22050);
      expect(audio.channels).toHaveLength(1);
      // Independently: a canonical 44-byte header, then little-endian int16 samples.
      const samples = new Int16Array(bytes.slice(44).buffer);
      expect(audio.channels[0]).toEqual(Float32Array.from(samples, (s) => s / 32768));
      expect(Math.max(...samples.map(Math.abs))).toBeGreaterThan(3000); // speech, not silence
      expect(writeWav(audio)).toEqual(bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
