import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertKnownOptions, assertPositiveInteger, assertSameShape, encodePng } from '@baihua/core';
import { pixelLayout } from './pixel-layout.js';

/** Options of {@link attributionHeatmapPng}. */
export interface AttributionHeatmapOptions {
  /** Screen pixels per image pixel. Default 4. */
  scale?: number;
  /** White space between cells, in screen pixels. Default 4. */
  gap?: number;
}

/** RdBu's darkest red (positive) and blue (negative), as the core diverging charts use. */
const [positive, negative] = [
  [178, 24, 43],
  [33, 102, 172],
] as const;

/**
 * A PNG grid of heat maps over the digits: one row per image, the image itself in the first
 * column (dark ink on white), then one column per map in `maps` (each [N, ...] like the images):
 * the digit as a light grey silhouette under a diverging overlay, red where the attribution is
 * positive and blue where negative, the opacity |a| / max |a| of that image's map (channels
 * summed). images [N, H, W, C], [N, H, W] or [N, D]; pixel values are shown relative to the
 * image's own min and max. Defaults: scale 4, gap 4.
 *
 * @example
 * writeFileSync('heat-maps.png', await attributionHeatmapPng(images, [saliencyMap, igMap]));
 *
 * In plain words: colour the digit where the explanation says the model looked.
 */
export async function attributionHeatmapPng(
  images: tf.Tensor,
  maps: readonly tf.Tensor[],
  options: AttributionHeatmapOptions = {},
): Promise<Uint8Array> {
  const fn = 'attributionHeatmapPng';
  assertKnownOptions(fn, 'options', options, ['scale', 'gap']);
  const layout = pixelLayout(fn, images);
  if (!Array.isArray(maps)) throw new ArgumentError(fn, `expected maps to be an array of tensors, got ${typeof maps}`);
  maps.forEach((map, k) => assertSameShape(fn, 'images', images, `maps[${k}]`, map));
  const { scale = 4, gap = 4 } = options;
  assertPositiveInteger(fn, 'options.scale', scale);
  if (!Number.isInteger(gap) || gap < 0)
    throw new ArgumentError(fn, `expected options.gap to be an integer >= 0, got ${gap}`);
  const { height, width, channels, positions } = layout;
  const n = images.shape[0] as number;
  const perPixel = (values: Float32Array | Int32Array | Uint8Array) =>
    Float64Array.from({ length: n * positions }, (_, q) => {
      let sum = 0;
      for (let c = 0; c < channels; c++) sum += values[q * channels + c] as number;
      return sum;
    });
  const ink = perPixel(await images.data());
  const heat = await Promise.all(maps.map(async (map) => perPixel(await map.data())));
  const [cellW, cellH] = [width * scale, height * scale];
  const columns = maps.length + 1;
  const [outW, outH] = [columns * cellW + (columns + 1) * gap, n * cellH + (n + 1) * gap];
  const pixels = new Uint8Array(outW * outH * 4).fill(255);
  const paint = (row: number, column: number, colourOf: (q: number) => readonly number[]) => {
    for (let y = 0; y < cellH; y++)
      for (let x = 0; x < cellW; x++) {
        const colour = colourOf(Math.floor(y / scale) * width + Math.floor(x / scale));
        const at = ((gap + row * (cellH + gap) + y) * outW + gap + column * (cellW + gap) + x) * 4;
        pixels.set([...colour.map(Math.round), 255], at);
      }
  };
  for (let i = 0; i < n; i++) {
    const digit = ink.subarray(i * positions, (i + 1) * positions);
    const [low, high] = [Math.min(...digit), Math.max(...digit)];
    const shade = (q: number) => (high > low ? ((digit[q] as number) - low) / (high - low) : 0);
    paint(i, 0, (q) => [1, 1, 1].map(() => 255 * (1 - shade(q))));
    heat.forEach((values, k) => {
      const map = values.subarray(i * positions, (i + 1) * positions);
      const limit = map.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
      paint(i, k + 1, (q) => {
        const a = (map[q] as number) / limit;
        const end = a >= 0 ? positive : negative;
        const base = 255 - 90 * shade(q);
        return end.map((c) => base + (c - base) * Math.min(1, Math.abs(a)));
      });
    });
  }
  return encodePng(pixels, outW, outH, { opaque: true });
}
