import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';
import type { Classifier } from './classifier.js';
import type { ExplainOptions } from './explain-options.js';
import { explainedClasses } from './explained-classes.js';
import { maskedScores } from './masked-scores.js';
import type { PatchSize } from './patch-segments.js';
import { checkFill } from './perturbation-options.js';
import { type PixelLayout, pixelLayout } from './pixel-layout.js';
import { sliceRows } from './batches.js';

/** Options of {@link occlusion}. */
export interface OcclusionOptions extends ExplainOptions {
  /** Side (or [h, w]) of the occluding patch. Default 4. */
  patchSize?: PatchSize;
  /** Step (or [down, across]) between patches. Default the patch size (no overlap). */
  stride?: PatchSize;
  /** The value the occluded pixels get. Default the lower bound. */
  fill?: number;
  /** Called after each image with (done, N). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Occlusion (Zeiler and Fergus 2014): slide a patch over the image, set its pixels to `fill`, and
 * give each pixel the mean drop of the explained score over the windows covering it:
 * A(p) = mean_{w contains p} (f_c(x) - f_c(x with w filled)). Windows start every stride, and one
 * more window touches the far border when the stride does not reach it, so every pixel is covered.
 * images [N, H, W, C], [N, H, W] or [N, D] -> [N, ...] (all channels of a pixel alike). Defaults:
 * patchSize 4, stride = patchSize, fill = low bound, the predicted class, 'probability', bounds [0, 1], batchSize 64.
 *
 * @example
 * const map = await occlusion(model, images, { patchSize: 4, stride: 2 });
 *
 * In plain words: cover part of the picture with a card and see how much the answer suffers.
 */
export async function occlusion(
  classifier: Classifier,
  images: tf.Tensor,
  options: OcclusionOptions = {},
): Promise<tf.Tensor> {
  const fn = 'occlusion';
  const layout = pixelLayout(fn, images);
  const [ph, pw] = pair(fn, 'patchSize', options.patchSize ?? 4, layout);
  const [sh, sw] = pair(fn, 'stride', options.stride ?? [ph, pw], layout);
  const target = await explainedClasses(
    fn,
    classifier,
    images,
    options,
    ['patchSize', 'stride', 'fill', 'onProgress'],
    'probability',
  );
  const fill = checkFill(fn, options.fill, target.bounds);
  const windows = windowStarts(layout.height, ph, sh).flatMap((y) =>
    windowStarts(layout.width, pw, sw).map((x) => [y, x] as const),
  );
  const p = layout.positions;
  const masks = new Float32Array((windows.length + 1) * p).fill(1);
  const covered = new Float64Array(p);
  windows.forEach(([y0, x0], w) => {
    for (let y = y0; y < y0 + ph; y++)
      for (let x = x0; x < x0 + pw; x++) {
        masks[w * p + y * layout.width + x] = 0;
        covered[y * layout.width + x] = (covered[y * layout.width + x] as number) + 1;
      }
  });
  const n = images.shape[0] as number;
  const maps = new Float32Array(images.size);
  for (let i = 0; i < n; i++) {
    const image = sliceRows(images, i, 1);
    const scoreOptions = { ...target, layout, fill, classIndex: target.classes[i] as number };
    const scores = await maskedScores(target.logitsOf, image, masks, windows.length + 1, scoreOptions).finally(() =>
      image.dispose(),
    );
    const original = scores[windows.length] as number;
    const drop = new Float64Array(p);
    windows.forEach(([y0, x0], w) => {
      for (let y = y0; y < y0 + ph; y++)
        for (let x = x0; x < x0 + pw; x++)
          drop[y * layout.width + x] = (drop[y * layout.width + x] as number) + original - (scores[w] as number);
    });
    for (let q = 0; q < p; q++)
      maps.fill(
        (drop[q] as number) / (covered[q] as number),
        (i * p + q) * layout.channels,
        (i * p + q + 1) * layout.channels,
      );
    options.onProgress?.(i + 1, n);
  }
  return tf.tensor(maps, images.shape);
}

/** The top (or left) edges of the windows along one axis: 0, s, 2s, ... and one at the far border if needed. */
function windowStarts(size: number, patch: number, stride: number): number[] {
  const starts: number[] = [];
  for (let start = 0; start + patch <= size; start += stride) starts.push(start);
  if ((starts.at(-1) as number) + patch < size) starts.push(size - patch);
  return starts;
}

function pair(fn: string, name: string, value: PatchSize, layout: PixelLayout): [number, number] {
  const [h, w] = typeof value === 'number' ? [value, value] : Array.isArray(value) ? value : [];
  const fits = Number.isInteger(h) && Number.isInteger(w) && (h as number) >= 1 && (w as number) >= 1;
  if (!fits)
    throw new ArgumentError(
      fn,
      `expected options.${name} to be a positive integer or [height, width], got ${JSON.stringify(value)}`,
    );
  if (name === 'patchSize' && ((h as number) > layout.height || (w as number) > layout.width))
    throw new ArgumentError(
      fn,
      `expected options.patchSize within the ${layout.height} x ${layout.width} image, got ${JSON.stringify(value)}`,
    );
  return [h as number, w as number];
}
