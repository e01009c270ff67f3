import { encodePng, escapeXml } from '@baihua/core';

/** One labelled tile of a picture: greyscale values in [0, 1], its size and a caption. */
export interface Tile {
  values: ArrayLike<number>;
  width: number;
  height: number;
  caption: string;
}

/**
 * An SVG that shows tiles in a grid, each an embedded PNG (scaled `scale` times, pixelated) with
 * its caption below, and a title: a self-contained picture any browser opens.
 */
export function tileSvg(title: string, tiles: readonly Tile[], options: { columns: number; scale: number }): string {
  const { columns, scale } = options;
  const cellWidth = Math.max(...tiles.map((t) => t.width)) * scale + 16;
  const cellHeight = Math.max(...tiles.map((t) => t.height)) * scale + 34;
  const rows = Math.ceil(tiles.length / columns);
  const width = Math.max(columns * cellWidth + 16, 320);
  const height = rows * cellHeight + 48;
  const parts = tiles.map((tile, i) => {
    const x = 16 + (i % columns) * cellWidth;
    const y = 40 + Math.floor(i / columns) * cellHeight;
    const png = Buffer.from(greyscalePng(tile.values, tile.width, tile.height, scale)).toString('base64');
    return (
      `<image x="${x}" y="${y}" width="${tile.width * scale}" height="${tile.height * scale}" ` +
      `style="image-rendering:pixelated" href="data:image/png;base64,${png}"/>` +
      `<text x="${x + (tile.width * scale) / 2}" y="${y + tile.height * scale + 18}" text-anchor="middle">` +
      `${escapeXml(tile.caption)}</text>`
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `font-family="sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="16" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** Rescales values linearly to [0, 1] (min -> 0, max -> 1): how a filter's weights are shown. */
export function normalise(values: ArrayLike<number>): number[] {
  const list = Array.from(values);
  const min = Math.min(...list);
  const max = Math.max(...list);
  return list.map((v) => (max > min ? (v - min) / (max - min) : 0.5));
}

/**
 * A greyscale image (values in [0, 1], row-major, width x height) as an 8-bit PNG (core's
 * encoder), each pixel drawn as a scale x scale block.
 */
export function greyscalePng(values: ArrayLike<number>, width: number, height: number, scale: number): Uint8Array {
  const [w, h] = [width * scale, height * scale];
  const pixels = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = values[Math.floor(y / scale) * width + Math.floor(x / scale)] as number;
      pixels[y * w + x] = Math.round(255 * Math.min(1, Math.max(0, v)));
    }
  }
  return encodePng(pixels, w, h, { channels: 1 });
}
