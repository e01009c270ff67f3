import { encodePng } from '@baihua/core';
import { drawText, type Rgb, textWidth } from './tiny-font.js';

/** One cell of the picture: a greyscale image in [0, 1], or a signed perturbation shown red (+) / blue (-). */
export interface PictureCell {
  values: Float32Array;
  /** 'image': grey levels; 'delta': diverging colours, full colour at |value| >= `range`. */
  kind: 'image' | 'delta';
  range?: number;
  caption: string;
  captionColour?: Rgb;
  /** Pixels (row-major indices) to ring in yellow, e.g. the one-pixel attack's changes. */
  marked?: number[];
}

export const green: Rgb = [40, 170, 60];
export const red: Rgb = [220, 40, 40];
const grey: Rgb = [90, 90, 90];

/**
 * A PNG grid: a header row of column titles, then one row per digit, each cell a `side` x `side`
 * image scaled by `zoom` with its caption underneath (white background).
 */
export function attackPicture(titles: string[], rows: PictureCell[][], side: number, zoom = 3): Uint8Array {
  const cell = side * zoom;
  const gap = 8;
  const captionHeight = 5 * 2 + 6;
  const header = 5 * 2 + 10;
  const width = titles.length * (cell + gap) + gap;
  const height = header + rows.length * (cell + captionHeight + gap) + gap;
  const pixels = new Uint8Array(width * height * 3).fill(255);
  titles.forEach((title, c) => {
    const x = gap + c * (cell + gap) + Math.max(0, Math.floor((cell - textWidth(title, 2)) / 2));
    drawText(pixels, width, title, x, 6, 2, grey);
  });
  rows.forEach((cells, r) => {
    const top = header + r * (cell + captionHeight + gap);
    cells.forEach((content, c) => {
      const left = gap + c * (cell + gap);
      paintCell(pixels, width, content, left, top, side, zoom);
      const x = left + Math.max(0, Math.floor((cell - textWidth(content.caption, 2)) / 2));
      drawText(pixels, width, content.caption, x, top + cell + 4, 2, content.captionColour ?? grey);
    });
  });
  return encodePng(pixels, width, height, { channels: 3 });
}

function paintCell(
  pixels: Uint8Array,
  width: number,
  cell: PictureCell,
  left: number,
  top: number,
  side: number,
  zoom: number,
): void {
  const marked = new Set(cell.marked ?? []);
  for (let y = 0; y < side * zoom; y++)
    for (let x = 0; x < side * zoom; x++) {
      const index = Math.floor(y / zoom) * side + Math.floor(x / zoom);
      const value = cell.values[index] as number;
      const edge = y % zoom === 0 || x % zoom === 0 || y % zoom === zoom - 1 || x % zoom === zoom - 1;
      pixels.set(marked.has(index) && edge ? [255, 200, 0] : colourOf(cell, value), ((top + y) * width + left + x) * 3);
    }
}

function colourOf(cell: PictureCell, value: number): Rgb {
  if (cell.kind === 'image') {
    const level = Math.round(255 * (1 - Math.min(1, Math.max(0, value))));
    return [level, level, level];
  }
  const t = Math.min(1, Math.abs(value) / (cell.range ?? 1));
  const fade = Math.round(255 * (1 - t));
  return value >= 0 ? [255, fade, fade] : [fade, fade, 255];
}
