import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertFiniteNumber, assertPositiveInteger, createRandom } from '@baihua/core';
import type { Classifier } from './classifier.js';
import type { ExplainOptions } from './explain-options.js';
import { explainedClasses } from './explained-classes.js';
import { maskedScores } from './masked-scores.js';
import { type PatchSize, patchSegments, type Segments, segmentMasks, spreadOverSegments } from './patch-segments.js';
import { checkFill } from './perturbation-options.js';
import { pixelLayout } from './pixel-layout.js';
import { shapleyCoalitions } from './shapley-coalitions.js';
import { shapleyRegression } from './shapley-regression.js';
import { sliceRows } from './batches.js';

/** Options of {@link kernelShap}. */
export interface KernelShapOptions extends ExplainOptions {
  /** Side (or [h, w]) of the square patches that are the players. Default 4. */
  patchSize?: PatchSize;
  /** Coalitions per image besides the empty and the full one. Default 2 M + 2048 (the shap package's). */
  samples?: number;
  /** The value of an absent segment (the background). Default the lower bound. */
  fill?: number;
  /** Seed of the sampled coalitions. Default 0. */
  seed?: number;
  /** Called after each image with (done, N). */
  onProgress?: (done: number, total: number) => void;
}

/** What {@link kernelShap} returns. */
export interface KernelShapResult {
  /** [N, ...] like the images: each segment's value spread evenly over its pixels. The caller's to dispose. */
  attributions: tf.Tensor;
  /** phi_1..phi_M per image; they add up to f(x) - f(background). */
  values: number[][];
  /** phi_0 = f(background), per image. */
  baseValues: number[];
  /** True when every coalition was enumerated: then the values are the exact Shapley values. */
  exact: boolean;
  segments: Segments;
}

const shapKeys = ['patchSize', 'samples', 'fill', 'seed', 'onProgress'];

/**
 * KernelSHAP (Lundberg and Lee 2017): the Shapley values of the game v(S) = f_c(x with the segments
 * outside S set to `fill`) as the weighted least-squares fit g(z') = phi_0 + sum_j phi_j z'_j with
 * the Shapley kernel weights, the two infinite-weight coalitions enforced as constraints
 * (phi_0 = v(empty), sum phi = v(full) - v(empty)). With 2^M - 2 <= samples every coalition is
 * enumerated and the phi are exactly the Shapley values; otherwise coalitions are sampled by the
 * kernel in complementary pairs. images [N, H, W, C], [N, H, W] or [N, D]. Defaults: patchSize 4,
 * samples 2 M + 2048, fill = low bound, seed 0, the predicted class, 'probability', bounds [0, 1],
 * batchSize 64.
 *
 * @example
 * const { values, baseValues } = await kernelShap(model, images, { patchSize: 8, samples: 500 });
 *
 * In plain words: share the model's answer among the tiles of the picture the way a fair team bonus is shared.
 */
export async function kernelShap(
  classifier: Classifier,
  images: tf.Tensor,
  options: KernelShapOptions = {},
): Promise<KernelShapResult> {
  const fn = 'kernelShap';
  const layout = pixelLayout(fn, images);
  const { patchSize = 4, seed = 0 } = options;
  const segments = patchSegments(fn, layout, patchSize);
  const m = segments.count;
  const { samples = 2 * m + 2048 } = options;
  assertPositiveInteger(fn, 'options.samples', samples);
  assertFiniteNumber(fn, 'options.seed', seed);
  if (m > 1 && samples < 2)
    throw new ArgumentError(fn, `expected options.samples >= 2 for ${m} segments, got ${samples}`);
  const target = await explainedClasses(fn, classifier, images, options, shapKeys, 'probability');
  const fill = checkFill(fn, options.fill, target.bounds);
  const random = createRandom(seed);
  const n = images.shape[0] as number;
  const [values, baseValues]: [number[][], number[]] = [[], []];
  const maps = new Float32Array(images.size);
  let exact = true;
  for (let i = 0; i < n; i++) {
    const coalitions = shapleyCoalitions(m, samples, random);
    exact &&= coalitions.exact;
    const all = new Uint8Array((coalitions.count + 2) * m);
    all.set(coalitions.masks);
    all.fill(1, (coalitions.count + 1) * m);
    const image = sliceRows(images, i, 1);
    const scoreOptions = { ...target, layout, fill, classIndex: target.classes[i] as number };
    const v = await maskedScores(
      target.logitsOf,
      image,
      segmentMasks(all, coalitions.count + 2, segments),
      coalitions.count + 2,
      scoreOptions,
    ).finally(() => image.dispose());
    const [empty, full] = [v[coalitions.count] as number, v[coalitions.count + 1] as number];
    const phi = shapleyRegression(coalitions, m, v, empty, full);
    if (phi === undefined)
      throw new ArgumentError(
        fn,
        `expected more options.samples than ${samples} for ${m} segments (the fit is singular)`,
      );
    values.push(Array.from(phi));
    baseValues.push(empty);
    maps.set(
      spreadOverSegments(values[i] as number[], segments, layout.channels),
      i * layout.positions * layout.channels,
    );
    options.onProgress?.(i + 1, n);
  }
  return { attributions: tf.tensor(maps, images.shape), values, baseValues, exact, segments };
}
