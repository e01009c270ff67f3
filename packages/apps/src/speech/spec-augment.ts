import {
  ArgumentError,
  type SeededRandom,
  assertDtype,
  assertKnownOptions,
  assertNonNegative,
  assertRank,
} from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';

/** Options of {@link specAugment}. */
export interface SpecAugmentOptions {
  /** Bands of frames (rows) set to 0. Default 2. */
  timeMasks?: number;
  /** Widest time band in frames; each band's width is drawn uniformly from 0..this. Default 10. */
  maxTimeWidth?: number;
  /** Bands of features (columns) set to 0. Default 2. */
  frequencyMasks?: number;
  /** Widest feature band; each band's width is drawn uniformly from 0..this. Default 4. */
  maxFrequencyWidth?: number;
}

const fn = 'specAugment';
const optionKeys = ['timeMasks', 'maxTimeWidth', 'frequencyMasks', 'maxFrequencyWidth'] as const;

/**
 * SpecAugment's time and frequency masking (Park et al. 2019, without time warping): draws `timeMasks`
 * bands of w ~ U{0..min(maxTimeWidth, T)} consecutive frames starting at t0 ~ U{0..T - w}, and
 * `frequencyMasks` bands of f ~ U{0..min(maxFrequencyWidth, D)} consecutive features starting at
 * f0 ~ U{0..D - f}, and returns y = x * r * c, where r_t = 0 on a masked frame (else 1) and c_d = 0 on a
 * masked feature. Bands may overlap. Meant for per-utterance normalised features, where 0 is the mean.
 * Features [T, D] float32 -> [T, D]; the gradient is dy * r * c. The draws come from `random` (fresh
 * masks per call, the same ones for the same seed).
 *
 * @example
 * const masked = specAugment(features, createRandom(1), { timeMasks: 2, maxTimeWidth: 10 }); // [T, 26]
 *
 * In plain words: hide a few short stretches of the sound and a few of its pitch bands, so the model
 * learns to fill the gaps instead of leaning on any one detail.
 */
export function specAugment(
  features: tf.Tensor2D,
  random: SeededRandom,
  options: SpecAugmentOptions = {},
): tf.Tensor2D {
  assertRank(fn, 'features', features, 2);
  assertDtype(fn, 'features', features, 'float32');
  if (typeof random?.integer !== 'function')
    throw new ArgumentError(fn, `expected random to be a SeededRandom (createRandom(seed)), got ${String(random)}`);
  const plan = checkSpecAugmentOptions(fn, options);
  const [frames, depth] = features.shape;
  const rows = keepMask(frames, plan.timeMasks, plan.maxTimeWidth, random);
  const columns = keepMask(depth, plan.frequencyMasks, plan.maxFrequencyWidth, random);
  return tf.tidy(() =>
    tf.mul(tf.mul(features, tf.tensor2d(rows, [frames, 1])), tf.tensor2d(columns, [1, depth])),
  ) as tf.Tensor2D;
}

/** Checks SpecAugment options (whole counts and widths >= 0) and fills the defaults. */
export function checkSpecAugmentOptions(functionName: string, options: SpecAugmentOptions, argument = 'options') {
  if (typeof options !== 'object' || options === null)
    throw new ArgumentError(functionName, `expected ${argument} to be an object, got ${String(options)}`);
  assertKnownOptions(functionName, argument, options, optionKeys);
  const { timeMasks = 2, maxTimeWidth = 10, frequencyMasks = 2, maxFrequencyWidth = 4 } = options;
  for (const [name, value] of Object.entries({ timeMasks, maxTimeWidth, frequencyMasks, maxFrequencyWidth })) {
    assertNonNegative(functionName, `${argument}.${name}`, value);
    if (!Number.isInteger(value))
      throw new ArgumentError(functionName, `expected ${argument}.${name} to be a whole number, got ${value}`);
  }
  return { timeMasks, maxTimeWidth, frequencyMasks, maxFrequencyWidth };
}

/** 1 everywhere along an axis of `size`, then `bands` random bands of 0 (width 0..maxWidth, clamped to size). */
function keepMask(size: number, bands: number, maxWidth: number, random: SeededRandom): Float32Array {
  const keep = new Float32Array(size).fill(1);
  for (let band = 0; band < bands; band++) {
    const width = random.integer(Math.min(maxWidth, size) + 1);
    const start = random.integer(size - width + 1);
    keep.fill(0, start, start + width);
  }
  return keep;
}
