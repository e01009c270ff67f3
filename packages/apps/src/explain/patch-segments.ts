import { ArgumentError } from '@baihua/core';
import type { PixelLayout } from './pixel-layout.js';

/** A partition of an image's positions into M segments (LIME's super-pixels, SHAP's players). */
export interface Segments {
  /** The segment of each position (row-major), in [0, count). */
  ids: Int32Array;
  /** M, the number of segments. */
  count: number;
  /** Positions per segment. */
  sizes: number[];
}

/** A square side or [height, width] of a patch, in pixels. */
export type PatchSize = number | readonly [number, number];

/**
 * Square (or [h, w]) patches over an H x W image, row by row: patch (r, c) covers rows
 * [r h, (r + 1) h) and columns [c w, (c + 1) w), the last row and column of patches cut at the
 * border, so M = ceil(H / h) * ceil(W / w). For digits, patches serve as the super-pixels.
 *
 * @example
 * patchSegments({ height: 4, width: 4, channels: 1, positions: 16 }, 2).ids;
 * // [0,0,1,1, 0,0,1,1, 2,2,3,3, 2,2,3,3]
 *
 * In plain words: cut the picture into tiles, the pieces the explanation talks about.
 */
export function patchSegments(fn: string, layout: PixelLayout, patchSize: PatchSize): Segments {
  const [h, w] = typeof patchSize === 'number' ? [patchSize, patchSize] : Array.isArray(patchSize) ? patchSize : [];
  if (!Number.isInteger(h) || !Number.isInteger(w) || (h as number) < 1 || (w as number) < 1)
    throw new ArgumentError(
      fn,
      `expected options.patchSize to be a positive integer or [height, width], got ${JSON.stringify(patchSize)}`,
    );
  const [ph, pw] = [Math.min(h as number, layout.height), Math.min(w as number, layout.width)];
  const across = Math.ceil(layout.width / pw);
  const count = Math.ceil(layout.height / ph) * across;
  const ids = new Int32Array(layout.positions);
  const sizes = new Array<number>(count).fill(0);
  for (let y = 0; y < layout.height; y++) {
    for (let x = 0; x < layout.width; x++) {
      const id = Math.floor(y / ph) * across + Math.floor(x / pw);
      ids[y * layout.width + x] = id;
      sizes[id] = (sizes[id] as number) + 1;
    }
  }
  return { ids, count, sizes };
}

/**
 * Position masks from segment coalitions: coalitions S x M (1 = the segment is present) ->
 * S x P masks (1 = keep the position), for {@link maskedScores}.
 *
 * @example
 * segmentMasks(Uint8Array.of(1, 0), 1, { ids: Int32Array.of(0, 0, 1), count: 2, sizes: [2, 1] }); // [1, 1, 0]
 *
 * In plain words: from "which tiles are shown" to "which pixels are shown".
 */
export function segmentMasks(coalitions: Uint8Array, count: number, segments: Segments): Float32Array {
  const [m, p] = [segments.count, segments.ids.length];
  const masks = new Float32Array(count * p);
  for (let s = 0; s < count; s++)
    for (let q = 0; q < p; q++) masks[s * p + q] = coalitions[s * m + (segments.ids[q] as number)] as number;
  return masks;
}

/**
 * Spreads one value per segment evenly over its positions and their channels: values M ->
 * P * channels, so the map adds up to the sum of the values.
 *
 * @example
 * spreadOverSegments([4], { ids: Int32Array.of(0, 0), count: 1, sizes: [2] }, 1); // [2, 2]
 *
 * In plain words: paint each tile's share over its pixels.
 */
export function spreadOverSegments(values: readonly number[], segments: Segments, channels: number): Float32Array {
  const out = new Float32Array(segments.ids.length * channels);
  segments.ids.forEach((id, q) => {
    const share = (values[id] as number) / ((segments.sizes[id] as number) * channels);
    out.fill(share, q * channels, (q + 1) * channels);
  });
  return out;
}
