// Test helpers shared by the PNG tests (not part of the package's exports): an independent PNG
// reader, so the tests check the encoder against the format rather than against itself.
import { unzlibSync } from 'fflate';

/** CRC-32 bit by bit (no table), to check the encoder's table-driven one. */
export function bitwiseCrc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

export interface DecodedPng {
  chunkTypes: string[];
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  channels: number;
  filters: number[];
  /** Unfiltered pixels, `channels` bytes each, row-major. */
  pixels: Uint8Array;
  pixel(x: number, y: number): number[];
}

/** Reads a non-interlaced 8-bit PNG; throws on a bad signature, a bad CRC or a bad filter byte. */
export function decodePng(file: Uint8Array): DecodedPng {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => file[i] === b)) throw new Error('bad PNG signature');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const chunkTypes: string[] = [];
  const idat: Uint8Array[] = [];
  let header: Uint8Array | undefined;
  for (let at = 8; at < file.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...file.subarray(at + 4, at + 8));
    const data = file.subarray(at + 8, at + 8 + length);
    const stored = view.getUint32(at + 8 + length);
    const computed = bitwiseCrc32(file.subarray(at + 4, at + 8 + length));
    if (stored !== computed)
      throw new Error(`bad CRC in ${type}: stored ${stored.toString(16)}, computed ${computed.toString(16)}`);
    chunkTypes.push(type);
    if (type === 'IHDR') header = data;
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  const h = new DataView(header.buffer, header.byteOffset, 13);
  const [width, height, bitDepth, colorType, interlace] = [
    h.getUint32(0),
    h.getUint32(4),
    h.getUint8(8),
    h.getUint8(9),
    h.getUint8(12),
  ];
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType] ?? 0;
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  let offset = 0;
  for (const d of idat) {
    joined.set(d, offset);
    offset += d.length;
  }
  const raw = unzlibSync(joined);
  const rowBytes = width * channels;
  if (raw.length !== height * (rowBytes + 1))
    throw new Error(`IDAT holds ${raw.length} bytes, expected ${height * (rowBytes + 1)}`);
  const pixels = new Uint8Array(height * rowBytes);
  const filters: number[] = [];
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)] as number;
    filters.push(filter);
    for (let i = 0; i < rowBytes; i++) {
      const x = raw[y * (rowBytes + 1) + 1 + i] as number;
      const a = i >= channels ? (pixels[y * rowBytes + i - channels] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * rowBytes + i] as number) : 0;
      const c = i >= channels && y > 0 ? (pixels[(y - 1) * rowBytes + i - channels] as number) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictors = [0, a, b, (a + b) >> 1, paeth];
      if (filter > 4) throw new Error(`bad filter byte ${filter} in row ${y}`);
      pixels[y * rowBytes + i] = (x + (predictors[filter] as number)) & 0xff;
    }
  }
  return {
    chunkTypes,
    width,
    height,
    bitDepth,
    colorType,
    interlace,
    channels,
    filters,
    pixels,
    pixel: (x, y) => [...pixels.subarray((y * width + x) * channels, (y * width + x + 1) * channels)],
  };
}
