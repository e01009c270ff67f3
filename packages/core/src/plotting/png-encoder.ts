import { zlibSync } from 'fflate';
import { ArgumentError } from '../errors/argument-error.js';
import { assertKnownOptions } from '../checks/option-keys.js';
import { assertPositiveInteger } from '../checks/value-checks.js';
import { crc32 } from './crc32.js';

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** PNG colour type by channel count: greyscale, RGB, RGBA. */
const colourTypes: Record<number, number> = { 1: 0, 3: 2, 4: 6 };

/** Options of {@link encodePng}. */
export interface PngEncodeOptions {
  /** Channels of the input pixels: 4 (RGBA, the default), 3 (RGB) or 1 (greyscale). */
  channels?: 1 | 3 | 4;
  /** Drop the alpha channel and write RGB (colour type 2); default false. Only with 4 channels. */
  opaque?: boolean;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(12 + data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) bytes[4 + i] = type.charCodeAt(i);
  bytes.set(data, 8);
  view.setUint32(8 + data.length, crc32(bytes, 4, 8 + data.length));
  return bytes;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Each row filtered with whichever of PNG's five filters gives the smallest sum of |signed bytes|. */
function filterRows(rows: Uint8Array, rowBytes: number, height: number, bpp: number): Uint8Array {
  const out = new Uint8Array((rowBytes + 1) * height);
  const candidate = new Uint8Array(rowBytes);
  const zeros = new Uint8Array(rowBytes);
  for (let y = 0; y < height; y++) {
    const row = rows.subarray(y * rowBytes, (y + 1) * rowBytes);
    const above = y === 0 ? zeros : rows.subarray((y - 1) * rowBytes, y * rowBytes);
    let best = Infinity;
    for (let filter = 0; filter < 5; filter++) {
      let cost = 0;
      for (let i = 0; i < rowBytes; i++) {
        const a = i < bpp ? 0 : (row[i - bpp] as number);
        const b = above[i] as number;
        const c = i < bpp ? 0 : (above[i - bpp] as number);
        const predicted =
          filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
        const value = ((row[i] as number) - predicted) & 0xff;
        candidate[i] = value;
        cost += value < 128 ? value : 256 - value;
      }
      if (cost < best) {
        best = cost;
        out[y * (rowBytes + 1)] = filter;
        out.set(candidate, y * (rowBytes + 1) + 1);
      }
    }
  }
  return out;
}

/**
 * Encodes 8-bit pixels (row-major, top row first) as a PNG file: signature, IHDR (bit depth 8,
 * colour type 6 RGBA, 2 RGB or 0 greyscale, no interlace), one IDAT (each row prefixed by the PNG
 * filter that suits it best, then zlib at level 6 via fflate), IEND; every chunk with its CRC-32
 * (IEEE, as zlib's). Pure JavaScript: the same bytes in Node and in browsers. `pixels` holds
 * width x height x channels bytes.
 *
 * @example
 * const pixels = Uint8Array.from({ length: 28 * 28 }, (_, i) => i % 256); // a grey ramp
 * const png = encodePng(pixels, 28, 28, { channels: 1 });                // Uint8Array, a .png file
 * // Node: writeFileSync('ramp.png', png); browsers: new Blob([png], { type: 'image/png' })
 *
 * In plain words: pack the coloured squares into the file format every image viewer reads.
 */
export function encodePng(
  pixels: Uint8Array,
  width: number,
  height: number,
  options: PngEncodeOptions = {},
): Uint8Array {
  assertKnownOptions('encodePng', 'options', options, ['channels', 'opaque']);
  const { channels = 4, opaque = false } = options;
  assertPositiveInteger('encodePng', 'width', width);
  assertPositiveInteger('encodePng', 'height', height);
  if (channels !== 1 && channels !== 3 && channels !== 4)
    throw new ArgumentError('encodePng', `expected options.channels to be 1, 3 or 4, got ${String(channels)}`);
  if (opaque && channels !== 4)
    throw new ArgumentError('encodePng', `expected opaque only with 4 channels, got channels ${channels}`);
  if (pixels.length !== width * height * channels) {
    throw new ArgumentError(
      'encodePng',
      `expected pixels of ${width} x ${height} x ${channels} = ${width * height * channels} bytes, ` +
        `got ${pixels.length}`,
    );
  }
  const outChannels = opaque ? 3 : channels;
  let rows = pixels;
  if (outChannels !== channels) {
    rows = new Uint8Array(width * height * 3);
    for (let p = 0; p < width * height; p++) rows.set(pixels.subarray(p * 4, p * 4 + 3), p * 3);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, colourTypes[outChannels] as number, 0, 0, 0], 8);
  const compressed = zlibSync(filterRows(rows, width * outChannels, height, outChannels), { level: 6 });
  const parts = [
    Uint8Array.from(signature),
    chunk('IHDR', header),
    chunk('IDAT', compressed),
    chunk('IEND', new Uint8Array(0)),
  ];
  const file = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    file.set(part, offset);
    offset += part.length;
  }
  return file;
}
