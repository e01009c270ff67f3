import {
  ArgumentError,
  ShapeError,
  assertKnownOptions,
  assertPositiveInteger,
  assertTensor,
  describeShape,
  encodePng,
} from '@baihua/core';
import type * as tf from '@tensorflow/tfjs-core';

/** Options of {@link captionAttentionPng}. */
export interface CaptionAttentionPngOptions {
  /** Screen pixels per image pixel. Default 3. */
  scale?: number;
  /** White space between panels, in screen pixels. Default 4. */
  gap?: number;
}

/** Bilinear value of a rows x cols grid (cell centres at (i + 0.5) / rows) at the fraction (u, v) of the image. */
function sampleGrid(grid: readonly number[], rows: number, cols: number, u: number, v: number): number {
  const y = Math.min(Math.max(v * rows - 0.5, 0), rows - 1);
  const x = Math.min(Math.max(u * cols - 0.5, 0), cols - 1);
  const [y0, x0] = [Math.floor(y), Math.floor(x)];
  const [y1, x1] = [Math.min(y0 + 1, rows - 1), Math.min(x0 + 1, cols - 1)];
  const at = (r: number, c: number) => grid[r * cols + c] as number;
  const top = at(y0, x0) * (1 - (x - x0)) + at(y0, x1) * (x - x0);
  const bottom = at(y1, x0) * (1 - (x - x0)) + at(y1, x1) * (x - x0);
  return top * (1 - (y - y0)) + bottom * (y - y0);
}

/**
 * A PNG strip of per-word attention maps (Xu et al. 2015's figure): the image first, then one panel
 * per word in caption order, the image lit where the decoder looked when it wrote that word: with
 * w = a / max(a), a the word's attention over the square memory grid (S = g x g positions,
 * row-major) upsampled bilinearly to the image, each pixel becomes p (0.3 + 0.7 w) + 0.35 w (dimmed
 * where it did not look, a white glow where it did, visible on dark backgrounds too). image [H, W, 3] or
 * [1, H, W, 3] in [0, 1]; words: the caption's words; weights: one row of S per word (a further
 * row, the `<eos>` step {@link captionImages} also returns, is ignored). Defaults: scale 3, gap 4.
 *
 * In plain words: a spotlight on the part of the picture the model looked at for each word.
 *
 * @example
 * const { words, weights } = await captionImages(captioner, oneImage, vocabulary);
 * writeFileSync('attention.png', await captionAttentionPng(oneImage, words[0], weights[0]));
 */
export async function captionAttentionPng(
  image: tf.Tensor,
  words: readonly string[],
  weights: readonly (readonly number[])[],
  options: CaptionAttentionPngOptions = {},
): Promise<Uint8Array> {
  const fn = 'captionAttentionPng';
  assertKnownOptions(fn, 'options', options, ['scale', 'gap']);
  const { scale = 3, gap = 4 } = options;
  assertPositiveInteger(fn, 'options.scale', scale);
  if (!Number.isInteger(gap) || gap < 0)
    throw new ArgumentError(fn, `expected options.gap to be an integer >= 0, got ${gap}`);
  assertTensor(fn, 'image', image);
  const shape = image.rank === 4 && image.shape[0] === 1 ? image.shape.slice(1) : image.shape;
  if (shape.length !== 3 || shape[2] !== 3)
    throw new ShapeError(fn, `expected image of shape [H, W, 3] or [1, H, W, 3], got ${describeShape(image.shape)}`);
  if (!Array.isArray(words) || words.length === 0)
    throw new ArgumentError(fn, `expected words to be a non-empty array, got ${JSON.stringify(words)}`);
  if (!Array.isArray(weights) || (weights.length !== words.length && weights.length !== words.length + 1)) {
    throw new ArgumentError(
      fn,
      `expected one weights row per word (${words.length}, or one more for <eos>), got ${weights?.length}`,
    );
  }
  const positions = weights[0]?.length ?? 0;
  const side = Math.round(Math.sqrt(positions));
  weights.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== positions || side * side !== positions || !row.every(Number.isFinite))
      throw new ArgumentError(fn, `expected weights[${i}] to be ${positions} finite numbers over a square grid`);
  });
  const [height, width] = shape as [number, number, number];
  const pixels = await image.data();
  const [cellW, cellH] = [width * scale, height * scale];
  const panels = words.length + 1;
  const [outW, outH] = [panels * cellW + (panels + 1) * gap, cellH + 2 * gap];
  const out = new Uint8Array(outW * outH * 3).fill(255);
  for (let panel = 0; panel < panels; panel++) {
    const row = panel === 0 ? undefined : (weights[panel - 1] as readonly number[]);
    const peak = row === undefined ? 1 : Math.max(...row, 1e-12);
    for (let y = 0; y < cellH; y++) {
      for (let x = 0; x < cellW; x++) {
        const [iy, ix] = [Math.floor(y / scale), Math.floor(x / scale)];
        const w = row === undefined ? 1 : sampleGrid(row, side, side, (x + 0.5) / cellW, (y + 0.5) / cellH) / peak;
        const [light, glow] = row === undefined ? [1, 0] : [0.3 + 0.7 * w, 0.35 * w];
        const at = ((gap + y) * outW + gap + panel * (cellW + gap) + x) * 3;
        for (let c = 0; c < 3; c++) {
          const value = (pixels[(iy * width + ix) * 3 + c] as number) * light + glow;
          out[at + c] = Math.round(255 * Math.min(1, Math.max(0, value)));
        }
      }
    }
  }
  return encodePng(out, outW, outH, { channels: 3 });
}
