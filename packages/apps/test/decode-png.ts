import { decode } from 'fast-png';

/**
 * Test helper: an 8-bit PNG (greyscale, RGB or RGBA) as its size, channel count and raw pixel bytes,
 * read with fast-png (already a dependency of the package, and independent of core's encoder).
 */
export function decodePng(png: Uint8Array): { width: number; height: number; channels: number; pixels: Uint8Array } {
  const { width, height, channels, data, depth } = decode(png);
  if (depth !== 8) throw new Error(`decodePng: expected an 8-bit PNG, got depth ${depth}`);
  return { width, height, channels, pixels: data as Uint8Array };
}
