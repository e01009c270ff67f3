import { ArgumentError } from '@baihua/core';

/** Audio as separate channels of samples in [-1, 1] (what readWav gives and writeWav takes). */
export interface DecodedAudio {
  /** Samples per second, Hz. */
  sampleRate: number;
  /** One Float32Array per channel, all of the same length. */
  channels: Float32Array[];
}

const fn = 'readWav';
const PCM = 1;
const FLOAT = 3;
const EXTENSIBLE = 0xfffe;

/**
 * Decodes a RIFF/WAVE file: PCM 8-bit (unsigned), 16-, 24- and 32-bit (signed), IEEE float 32 and 64, also
 * wrapped in WAVE_FORMAT_EXTENSIBLE; chunks other than 'fmt ' and 'data' (LIST, fact, ...) are skipped, odd
 * sizes padded to even as RIFF says. Integer samples are scaled to [-1, 1): s / 2^(bits - 1) (8-bit:
 * (s - 128) / 128). A header that does not fit the file (truncated data, a block size that disagrees
 * with channels and bits, no fmt or data chunk) is an ArgumentError, never a guess.
 *
 * @example
 * const { sampleRate, channels } = readWav(new Uint8Array(await readFile('speech.wav')));
 *
 * In plain words: turn the bytes of a .wav file into the numbers a microphone measured.
 */
export function readWav(bytes: Uint8Array): DecodedAudio {
  if (!(bytes instanceof Uint8Array))
    throw new ArgumentError(fn, `expected bytes to be a Uint8Array, got ${bytes === null ? 'null' : typeof bytes}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE')
    throw new ArgumentError(fn, `expected bytes of a RIFF/WAVE file, got ${bytes.length} bytes starting '${tag(0)}'`);
  let format: { code: number; channels: number; sampleRate: number; blockAlign: number; bits: number } | undefined;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const [id, size, body] = [tag(at), view.getUint32(at + 4, true), at + 8];
    if (id === 'fmt ') format = readFormat(view, body, size);
    if (id === 'data') {
      if (format === undefined) throw new ArgumentError(fn, "expected a 'fmt ' chunk before the 'data' chunk");
      if (body + size > bytes.length)
        throw new ArgumentError(
          fn,
          `expected ${size} bytes of samples (the data chunk's size), got ${bytes.length - body}: truncated file`,
        );
      return { sampleRate: format.sampleRate, channels: decodeSamples(view, body, size, format) };
    }
    at = body + size + (size % 2);
  }
  throw new ArgumentError(fn, `expected a 'data' chunk, found none in ${bytes.length} bytes`);
}

function readFormat(view: DataView, at: number, size: number) {
  if (size < 16 || at + size > view.byteLength)
    throw new ArgumentError(fn, `expected a 'fmt ' chunk of at least 16 bytes inside the file, got ${size} bytes`);
  let code = view.getUint16(at, true);
  const [channels, sampleRate] = [view.getUint16(at + 2, true), view.getUint32(at + 4, true)];
  const [blockAlign, bits] = [view.getUint16(at + 12, true), view.getUint16(at + 14, true)];
  if (code === EXTENSIBLE) {
    if (size < 40) throw new ArgumentError(fn, `expected a 40-byte WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk, got ${size}`);
    code = view.getUint16(at + 24, true); // the sub-format GUID starts with the format code
  }
  const supported = (code === PCM && [8, 16, 24, 32].includes(bits)) || (code === FLOAT && [32, 64].includes(bits));
  if (!supported)
    throw new ArgumentError(
      fn,
      `expected PCM 8/16/24/32-bit or float 32/64-bit samples, got format ${code}, ${bits} bits`,
    );
  if (channels < 1 || sampleRate < 1 || blockAlign !== (channels * bits) / 8)
    throw new ArgumentError(
      fn,
      `expected a consistent header (channels >= 1, sample rate >= 1, block = channels x bits / 8), ` +
        `got ${channels} channels, ${sampleRate} Hz, block ${blockAlign} for ${bits} bits`,
    );
  return { code, channels, sampleRate, blockAlign, bits };
}

function decodeSamples(view: DataView, at: number, size: number, format: NonNullable<ReturnType<typeof readFormat>>) {
  const { code, channels, blockAlign, bits } = format;
  if (size % blockAlign !== 0)
    throw new ArgumentError(
      fn,
      `expected a data size that is a multiple of the block (${blockAlign} bytes), got ${size}`,
    );
  const frames = size / blockAlign;
  const bytesPerSample = bits / 8;
  const read = sampleReader(view, code, bits);
  return Array.from({ length: channels }, (_, c) =>
    Float32Array.from({ length: frames }, (_, i) => read(at + i * blockAlign + c * bytesPerSample)),
  );
}

function sampleReader(view: DataView, code: number, bits: number): (at: number) => number {
  if (code === FLOAT) return bits === 32 ? (at) => view.getFloat32(at, true) : (at) => view.getFloat64(at, true);
  if (bits === 8) return (at) => (view.getUint8(at) - 128) / 128;
  if (bits === 16) return (at) => view.getInt16(at, true) / 32768;
  if (bits === 32) return (at) => view.getInt32(at, true) / 2147483648;
  return (at) => (view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608;
}
