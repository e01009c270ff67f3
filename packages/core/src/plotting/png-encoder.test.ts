import { expect, test } from 'vitest';
import { createRandom } from '../random/seeded-random.js';
import { crc32 } from './crc32.js';
import { encodePng } from './png-encoder.js';
import { bitwiseCrc32, decodePng } from '../../test/png-decoder.js';

const ascii = (text: string) => new TextEncoder().encode(text);

test('crc32 matches the published check values and a bit-by-bit CRC', () => {
  expect(crc32(ascii('IEND'))).toBe(0xae426082);
  expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array(0))).toBe(0);
  const random = createRandom(7);
  const bytes = Uint8Array.from({ length: 1000 }, () => random.integer(256));
  expect(crc32(bytes)).toBe(bitwiseCrc32(bytes));
  expect(crc32(bytes, 10, 500)).toBe(bitwiseCrc32(bytes.subarray(10, 500)));
});

test('encodePng: signature, IHDR, IDAT, IEND with valid CRCs; pixels round-trip through zlib and all filters', () => {
  const random = createRandom(3);
  const [width, height] = [13, 9];
  // Mixed content so that several filter types win: noise rows, gradients, flat rows.
  const pixels = Uint8Array.from({ length: width * height * 4 }, (_, i) => {
    const y = Math.floor(i / (width * 4));
    return y % 3 === 0 ? random.integer(256) : y % 3 === 1 ? (i * 7) & 0xff : 200;
  });
  const file = encodePng(pixels, width, height);
  expect([...file.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = decodePng(file);
  expect(png.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
  expect([png.width, png.height, png.bitDepth, png.colorType, png.interlace]).toEqual([13, 9, 8, 6, 0]);
  expect(png.pixels).toEqual(pixels);
  expect(new Set(png.filters).size).toBeGreaterThan(1);
  expect([...file.subarray(-12)]).toEqual([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
});

test('encodePng: opaque drops alpha (colour type 2); 3-channel input is written as RGB', () => {
  const rgba = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 255]);
  const opaque = decodePng(encodePng(rgba, 2, 2, { opaque: true }));
  expect([opaque.colorType, opaque.channels]).toEqual([2, 3]);
  expect([...opaque.pixels]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
  const rgb = Uint8Array.from([1, 2, 3, 4, 5, 6]);
  const decoded = decodePng(encodePng(rgb, 1, 2, { channels: 3 }));
  expect([decoded.width, decoded.height, decoded.colorType]).toEqual([1, 2, 2]);
  expect(decoded.pixel(0, 1)).toEqual([4, 5, 6]);
});

test('encodePng: refuses bad sizes, channel counts and pixel buffers of the wrong length', () => {
  expect(() => encodePng(new Uint8Array(4), 0, 1)).toThrow(
    /^encodePng: expected width to be a positive integer, got 0$/,
  );
  expect(() => encodePng(new Uint8Array(4), 1, 1.5)).toThrow(
    /^encodePng: expected height to be a positive integer, got 1.5$/,
  );
  expect(() => encodePng(new Uint8Array(4), 1, 1, { channels: 2 as 3 })).toThrow(
    /^encodePng: expected options.channels to be 1, 3 or 4, got 2$/,
  );
  expect(() => encodePng(new Uint8Array(7), 2, 1)).toThrow(
    /^encodePng: expected pixels of 2 x 1 x 4 = 8 bytes, got 7$/,
  );
  expect(() => encodePng(new Uint8Array(4), 1, 1, { chanels: 4 } as never)).toThrow(
    /^encodePng: unknown key 'chanels' in options \(did you mean 'channels'\?/,
  );
  expect(() => encodePng(new Uint8Array(3), 1, 1, { channels: 3, opaque: true })).toThrow(
    /^encodePng: expected opaque only with 4 channels, got channels 3$/,
  );
});

test('encodePng writes greyscale (colour type 0) from one channel; core exports it with escapeXml', async () => {
  const core = await import('../index.js');
  expect(core.encodePng).toBe(encodePng);
  const grey = Uint8Array.from([0, 64, 128, 255, 7, 9]);
  const decoded = decodePng(core.encodePng(grey, 3, 2, { channels: 1 }));
  expect([decoded.width, decoded.height, decoded.colorType, decoded.channels]).toEqual([3, 2, 0, 1]);
  expect([...decoded.pixels]).toEqual([...grey]);
  expect(core.escapeXml(`a<b & "c" 'd'>`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;');
});
