import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';
import { convertIndexedToRgb, decode as decodePngBytes, type DecodedPng, hasPngSignature } from 'fast-png';
import { decode as decodeJpegBytes } from 'jpeg-js';
import { bytesToImage } from './image-bytes.js';

const jpegMagic = [0xff, 0xd8, 0xff];

/**
 * Decodes a PNG or a JPEG file's bytes (told apart by their magic bytes, not by a file name) into
 * an RGB image [H, W, 3] float32 in [0, 1], in Node or a browser, through pure-JS codecs (fast-png,
 * jpeg-js). RGBA and grey + alpha lose their alpha channel (not composited); grey becomes three
 * equal channels; palette PNGs are expanded; 16-bit PNGs are divided by 65535, 1/2/4/8-bit by 2^d - 1.
 * Bytes that are neither, or a file that fails to decode, throw an ArgumentError naming the cause.
 *
 * @example
 * const image = decodeImage(readFileSync('photo.jpg')); // Tensor3D [H, W, 3]
 *
 * In plain words: open a picture file and get the colour of every pixel as numbers between 0 and 1.
 */
export function decodeImage(bytes: Uint8Array | ArrayBuffer): tf.Tensor3D {
  const fn = 'decodeImage';
  const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  if (!(view instanceof Uint8Array))
    throw new ArgumentError(fn, `expected bytes to be a Uint8Array or ArrayBuffer, got ${describe(bytes)}`);
  const startsWith = (magic: number[]) => magic.every((byte, i) => view[i] === byte);
  const kind = hasPngSignature(view) ? 'PNG' : startsWith(jpegMagic) ? 'JPEG' : undefined;
  if (kind === undefined) {
    const head = Array.from(view.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new ArgumentError(
      fn,
      `expected the bytes of a PNG (89 50 4e 47 ...) or JPEG (ff d8 ff ...) file, ` +
        `got ${view.length} bytes starting ${head === '' ? '(none)' : head}`,
    );
  }
  try {
    return kind === 'PNG' ? decodePng(view) : decodeJpeg(view);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ArgumentError(fn, `expected a valid ${kind} file, got one that fails to decode (${reason})`);
  }
}

function decodeJpeg(view: Uint8Array): tf.Tensor3D {
  const { width, height, data } = decodeJpegBytes(view, { useTArray: true, formatAsRGBA: false });
  if (width < 1 || height < 1 || data.length < width * height * 3) throw new Error('no image data');
  return bytesToImage(data, width, height, 3, 255);
}

function decodePng(view: Uint8Array): tf.Tensor3D {
  const png = decodePngBytes(view);
  const { width, height } = png;
  if (png.palette !== undefined) {
    const channels = (png.palette[0] as number[]).length;
    return bytesToImage(convertIndexedToRgb(png), width, height, channels, 255);
  }
  const data = png.depth < 8 ? unpackBits(png) : png.data;
  return bytesToImage(data, width, height, png.channels, 2 ** png.depth - 1);
}

/** Samples of 1, 2 or 4 bits (grey PNGs), packed from the high bit, each row padded to a byte. */
function unpackBits(png: DecodedPng): Uint8Array {
  const { width, height, depth, channels } = png;
  const perRow = width * channels;
  const rowBytes = Math.ceil((perRow * depth) / 8);
  const out = new Uint8Array(perRow * height);
  for (let y = 0; y < height; y++)
    for (let i = 0; i < perRow; i++) {
      const bit = i * depth;
      const byte = png.data[y * rowBytes + (bit >> 3)] as number;
      out[y * perRow + i] = (byte >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    }
  return out;
}

function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return value === null ? 'null' : typeof value;
  return Array.isArray(value) ? 'an array' : (value.constructor?.name ?? 'an object');
}
