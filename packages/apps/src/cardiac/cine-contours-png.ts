import { ArgumentError, assertKnownOptions, assertPositiveInteger, encodePng } from '@baihua/core';
import { midSlices, type VolumeSlice } from './volume-slices.js';
import { checkVoxelSpacing, type VoxelSpacing } from './voxel-spacing.js';

/** What {@link cineContoursPng} draws. */
export interface CineContoursInput {
  /** Intensities [phases, D, H, W], row-major. */
  images: ArrayLike<number>;
  /** True cavity (drawn green), same layout, 0/1. */
  truth: ArrayLike<number>;
  /** Predicted cavity (drawn red), same layout, 0/1. Optional. */
  predicted?: ArrayLike<number>;
  shape: readonly [number, number, number];
  spacing: VoxelSpacing;
  phases: number;
}

/** Options of {@link cineContoursPng}. */
export interface CineContoursOptions {
  /** Pixels per in-plane voxel. Default 5. */
  scale?: number;
  /** Phases per row of the picture. Default 10. */
  columns?: number;
}

const green: readonly [number, number, number] = [40, 200, 60];
const red: readonly [number, number, number] = [230, 40, 40];

/**
 * A PNG (RGB) of the cine over the heart cycle: one column per phase (phase 0 = end-diastole at the
 * left), each with the mid short-axis slice on top and the mid long-axis cut below (see
 * {@link midSlices}), grey levels from the case's own minimum to maximum, the true cavity's contour
 * in green (the pixel line just outside its voxels) and the predicted one in red (just inside), so
 * that where they agree both show side by side. Phases wrap
 * after `columns`. Defaults: scale 5, columns 10.
 *
 * @example
 * writeFileSync('cine.png', cineContoursPng({ images, truth, predicted, shape, spacing, phases }));
 *
 * In plain words: the heartbeat frame by frame, with the true outline of the cavity in green and the
 * network's in red.
 */
export function cineContoursPng(input: CineContoursInput, options: CineContoursOptions = {}): Uint8Array {
  const fn = 'cineContoursPng';
  assertKnownOptions(fn, 'options', options, ['scale', 'columns']);
  const { scale = 5, columns = 10 } = options;
  assertPositiveInteger(fn, 'options.scale', scale);
  assertPositiveInteger(fn, 'options.columns', columns);
  assertKnownOptions(fn, 'input', input, ['images', 'truth', 'predicted', 'shape', 'spacing', 'phases']);
  const { images, truth, predicted, shape, spacing, phases } = input;
  assertPositiveInteger(fn, 'input.phases', phases);
  checkVoxelSpacing(fn, 'input.spacing', spacing);
  if (!Array.isArray(shape) || shape.length !== 3 || !shape.every((n) => Number.isInteger(n) && n > 0))
    throw new ArgumentError(
      fn,
      `expected input.shape to be [D, H, W], positive integers, got ${JSON.stringify(shape)}`,
    );
  const expected = phases * shape[0] * shape[1] * shape[2];
  for (const [name, values] of [
    ['images', images],
    ['truth', truth],
    ['predicted', predicted],
  ] as const) {
    if (values !== undefined && values.length !== expected)
      throw new ArgumentError(
        fn,
        `expected input.${name} of ${phases} x [${shape}] = ${expected} values, got ${values.length}`,
      );
  }
  let [low, high] = [Infinity, -Infinity];
  for (let i = 0; i < images.length; i++)
    [low, high] = [Math.min(low, images[i] as number), Math.max(high, images[i] as number)];
  const tiles = Array.from({ length: phases }, (_, k) => ({
    image: midSlices(images, shape, spacing, k, scale),
    truth: midSlices(truth, shape, spacing, k, scale),
    predicted: predicted === undefined ? undefined : midSlices(predicted, shape, spacing, k, scale),
  }));
  const [top, bottom] = tiles[0]!.image;
  const gap = 4;
  const tileWidth = top.cols * top.colScale;
  const tileHeight = top.rows * top.rowScale + gap + bottom.rows * bottom.rowScale;
  const columnsUsed = Math.min(columns, phases);
  const width = columnsUsed * (tileWidth + gap) + gap;
  const height = Math.ceil(phases / columns) * (tileHeight + gap) + gap;
  const pixels = new Uint8Array(width * height * 3).fill(255);
  tiles.forEach((tile, k) => {
    const x0 = gap + (k % columns) * (tileWidth + gap);
    const y0 = gap + Math.floor(k / columns) * (tileHeight + gap);
    tile.image.forEach((slice, part) => {
      const y = part === 0 ? y0 : y0 + top.rows * top.rowScale + gap;
      drawGrey(pixels, width, slice, x0, y, low, high);
      drawContour(pixels, width, tile.truth[part] as VolumeSlice, x0, y, green, 'outside');
      if (tile.predicted) drawContour(pixels, width, tile.predicted[part] as VolumeSlice, x0, y, red, 'inside');
    });
  });
  return encodePng(pixels, width, height, { channels: 3 });
}

function drawGrey(
  pixels: Uint8Array,
  width: number,
  slice: VolumeSlice,
  x0: number,
  y0: number,
  low: number,
  high: number,
) {
  for (let r = 0; r < slice.rows * slice.rowScale; r++)
    for (let c = 0; c < slice.cols * slice.colScale; c++) {
      const v = slice.values[Math.floor(r / slice.rowScale) * slice.cols + Math.floor(c / slice.colScale)] as number;
      const grey = Math.round((255 * (v - low)) / Math.max(1e-12, high - low));
      pixels.fill(
        Math.min(255, Math.max(0, grey)),
        ((y0 + r) * width + x0 + c) * 3,
        ((y0 + r) * width + x0 + c) * 3 + 3,
      );
    }
}

/**
 * Draws the outline of a mask on the pixel line along every voxel edge where the mask changes: just
 * inside the cavity ('inside', the prediction) or just outside it ('outside', the truth), so that two
 * outlines on the same edge both stay visible.
 */
function drawContour(
  pixels: Uint8Array,
  width: number,
  mask: VolumeSlice,
  x0: number,
  y0: number,
  rgb: readonly number[],
  side: 'inside' | 'outside',
) {
  const inside = (r: number, c: number) =>
    r >= 0 && c >= 0 && r < mask.rows && c < mask.cols && (mask.values[r * mask.cols + c] as number) > 0.5;
  const [rs, cs] = [mask.rowScale, mask.colScale];
  const paint = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < mask.cols * cs && y < mask.rows * rs) pixels.set(rgb, ((y0 + y) * width + x0 + x) * 3);
  };
  const out = side === 'outside' ? 1 : 0;
  for (let r = 0; r < mask.rows; r++)
    for (let c = 0; c < mask.cols; c++) {
      if (!inside(r, c)) continue;
      if (!inside(r - 1, c)) for (let x = 0; x < cs; x++) paint(c * cs + x, r * rs - out);
      if (!inside(r + 1, c)) for (let x = 0; x < cs; x++) paint(c * cs + x, (r + 1) * rs - 1 + out);
      if (!inside(r, c - 1)) for (let y = 0; y < rs; y++) paint(c * cs - out, r * rs + y);
      if (!inside(r, c + 1)) for (let y = 0; y < rs; y++) paint((c + 1) * cs - 1 + out, r * rs + y);
    }
}
