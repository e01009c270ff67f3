// A matrix as a PNG heat map (core's encodePng): row 0 at the bottom, each cell a block of pixels,
// values scaled from their min to max onto a dark-blue -> yellow ramp.
import { encodePng } from '@baihua/core';

/** values[row][column] -> PNG bytes, each cell `cellWidth` x `cellHeight` pixels, low rows at the bottom. */
export function heatmapPng(values: readonly ArrayLike<number>[], cellWidth: number, cellHeight: number): Uint8Array {
  const rows = values.length;
  const columns = values[0]?.length ?? 0;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const row of values)
    for (let c = 0; c < columns; c++) {
      low = Math.min(low, row[c] as number);
      high = Math.max(high, row[c] as number);
    }
  const width = columns * cellWidth;
  const height = rows * cellHeight;
  const pixels = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const value = (values[rows - 1 - Math.floor(y / cellHeight)] as ArrayLike<number>)[
        Math.floor(x / cellWidth)
      ] as number;
      const t = high > low ? (value - low) / (high - low) : 0;
      const at = (y * width + x) * 3;
      pixels[at] = Math.round(255 * t);
      pixels[at + 1] = Math.round(30 + 200 * t);
      pixels[at + 2] = Math.round(120 * (1 - t) + 40);
    }
  return encodePng(pixels, width, height, { channels: 3 });
}
