import { ArgumentError, assertDtype, assertKnownOptions, assertPositiveInteger, assertRank } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';

/** Options of {@link deltas}. */
export interface DeltasOptions {
  /** 1: deltas, 2: delta-deltas. Default 1. */
  order?: 1 | 2;
  /** Regression half-width N. Default 2 (Kaldi's and HTK's). */
  window?: number;
}

/**
 * Kaldi's add-deltas regression along the frame axis (the one before last): order 1 is
 * d_t = sum_(n=1..N) n (c_(t+n) - c_(t-n)) / (2 sum_(n=1..N) n^2) (HTK's formula; N = 2 divides by 10);
 * order 2 applies that window convolved with itself (4N + 1 taps) to the features. Frame indices beyond
 * the ends are clamped to the first or last frame for every tap, as Kaldi does (so at the two ends
 * order 2 differs slightly from deltas of deltas). Features [frames, D] or [batch, frames, D] float32 ->
 * the same shape. Kaldi's add-deltas output is tf.concat([c, deltas(c), deltas(c, { order: 2 })], -1).
 *
 * @example
 * const features = tf.concat([m, deltas(m), deltas(m, { order: 2 })], -1); // [frames, 39] for 13 MFCCs
 *
 * In plain words: how fast each feature is changing (and how fast that change is changing) around each frame.
 */
export function deltas(features: tf.Tensor, options: DeltasOptions = {}): tf.Tensor {
  const fn = 'deltas';
  assertRank(fn, 'features', features, [2, 3]);
  assertDtype(fn, 'features', features, 'float32');
  assertKnownOptions(fn, 'options', options, ['order', 'window']);
  const { order = 1, window = 2 } = options;
  if (order !== 1 && order !== 2)
    throw new ArgumentError(fn, `expected options.order to be 1 or 2, got ${String(order)}`);
  assertPositiveInteger(fn, 'options.window', window);
  const frames = features.shape[features.rank - 2] as number;
  if (frames === 0) throw new ArgumentError(fn, 'expected features with at least one frame, got 0 frames');
  const taps = deltaWindow(order, window);
  const reach = (taps.length - 1) / 2;
  return tf.tidy(() => {
    const batched = (features.rank === 2 ? tf.expandDims(features, 0) : features) as tf.Tensor3D;
    const [batch, , depth] = batched.shape;
    const row = (t: number) => tf.slice(batched, [0, Math.min(Math.max(t, 0), frames - 1), 0], [batch, 1, depth]);
    // Clamped edges: the first and last frames repeated `reach` times on each side.
    const padded = tf.concat(
      [
        ...Array.from({ length: reach }, () => row(0)),
        batched,
        ...Array.from({ length: reach }, () => row(frames - 1)),
      ],
      1,
    );
    let sum: tf.Tensor | undefined;
    taps.forEach((weight, j) => {
      if (weight === 0) return;
      const term = tf.mul(tf.slice(padded, [0, j, 0], [batch, frames, depth]), weight);
      sum = sum === undefined ? term : tf.add(sum, term);
    });
    const result = sum as tf.Tensor3D;
    return features.rank === 2 ? tf.squeeze(result, [0]) : result;
  });
}

/** Kaldi's DeltaFeatures window of an order: [1] convolved `order` times with j / sum_j j^2, j = -N .. N. */
function deltaWindow(order: number, window: number): number[] {
  let scales = [1];
  let normalizer = 0;
  for (let j = -window; j <= window; j++) normalizer += j * j;
  for (let o = 0; o < order; o++) {
    const next = new Array<number>(scales.length + 2 * window).fill(0);
    for (let j = -window; j <= window; j++)
      scales.forEach((s, k) => {
        next[j + window + k] = (next[j + window + k] as number) + (j * s) / normalizer;
      });
    scales = next;
  }
  return scales;
}
