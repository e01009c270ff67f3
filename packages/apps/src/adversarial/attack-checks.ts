import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertTensor, describeShape, ShapeError } from '@baihua/core';

/** Pixel bounds [low, high] of an image batch; every attack clips into them. Default [0, 1]. */
export type PixelBounds = readonly [number, number];

/** Checks `bounds` (two finite numbers, low < high) and returns it, or the default [0, 1]. */
export function checkBounds(fn: string, bounds: unknown): PixelBounds {
  if (bounds === undefined) return [0, 1];
  const ok =
    Array.isArray(bounds) &&
    bounds.length === 2 &&
    bounds.every((b) => typeof b === 'number' && Number.isFinite(b)) &&
    (bounds[0] as number) < (bounds[1] as number);
  if (!ok)
    throw new ArgumentError(fn, `expected options.bounds to be [low, high] with low < high, got ${String(bounds)}`);
  return bounds as unknown as PixelBounds;
}

/** Checks an epsilon (a perturbation budget): finite and >= 0. */
export function checkEpsilon(fn: string, argument: string, epsilon: unknown): number {
  if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || epsilon < 0)
    throw new ArgumentError(fn, `expected ${argument} to be a finite number >= 0, got ${String(epsilon)}`);
  return epsilon;
}

/**
 * Checks a batch of images: a float32 tf.Tensor [N, ...] with N >= 1, every value finite and
 * inside `bounds` (reads three numbers from the device). Throws naming `fn` and `argument`.
 */
export async function checkImages(fn: string, argument: string, images: unknown, bounds: PixelBounds): Promise<void> {
  assertTensor(fn, argument, images);
  if (images.rank < 2 || (images.shape[0] as number) < 1)
    throw new ShapeError(fn, `expected ${argument} [N, ...] with N >= 1, got shape ${describeShape(images.shape)}`);
  if (images.dtype !== 'float32')
    throw new ArgumentError(fn, `expected ${argument} of dtype float32, got ${images.dtype}`);
  const summary = tf.tidy(() => {
    const bad = tf.sum(tf.cast(tf.logicalNot(tf.isFinite(images)), 'float32'));
    return tf.stack([bad, tf.min(images), tf.max(images)]);
  });
  const [bad, low, high] = Array.from(await summary.data()) as [number, number, number];
  summary.dispose();
  if (bad > 0) throw new ArgumentError(fn, `expected ${argument} to be finite, got ${bad} NaN or infinite values`);
  const slack = 1e-6 * (bounds[1] - bounds[0]);
  if (low < bounds[0] - slack || high > bounds[1] + slack)
    throw new ArgumentError(
      fn,
      `expected ${argument} inside the pixel bounds [${bounds[0]}, ${bounds[1]}], got values in [${low}, ${high}]`,
    );
}

/**
 * Reads class indices (a tf.Tensor [N] or an array of N integers) and checks each is an integer
 * in [0, numClasses). Returns them as numbers.
 */
export async function readClassIndices(
  fn: string,
  argument: string,
  indices: unknown,
  rows: number,
  numClasses: number,
): Promise<number[]> {
  let values: number[];
  if (Array.isArray(indices)) values = indices.slice();
  else {
    assertTensor(fn, argument, indices);
    if (indices.rank !== 1)
      throw new ShapeError(fn, `expected ${argument} of shape [${rows}], got shape ${describeShape(indices.shape)}`);
    values = Array.from(await indices.data());
  }
  if (values.length !== rows) throw new ShapeError(fn, `expected ${rows} ${argument}, got ${values.length}`);
  const wrong = values.find((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= numClasses);
  if (wrong !== undefined)
    throw new ArgumentError(fn, `expected ${argument} to be integers in [0, ${numClasses}), got ${String(wrong)}`);
  return values;
}
