const table = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  table[n] = c >>> 0;
}

/**
 * CRC-32 (IEEE 802.3, the one PNG and zlib's gzip use): reflected polynomial 0xEDB88320,
 * initial value and final xor 0xFFFFFFFF, computed byte by byte from a 256-entry table.
 * Returns an unsigned 32-bit integer.
 *
 * @example
 * crc32(new TextEncoder().encode('IEND')); // 0xae426082
 *
 * In plain words: a fingerprint of the bytes, so a reader can tell when a file got damaged.
 */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (table[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
