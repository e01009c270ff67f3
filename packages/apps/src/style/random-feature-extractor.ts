import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  ShapeError,
  assertKnownOptions,
  assertOneOf,
  assertPositiveInteger,
  createRandom,
  describeShape,
} from '@baihua/core';
import { conv2d } from '@baihua/cnn';
import { rgbBatchShape } from './image-checks.js';

/** Any model that gives named feature maps: images [B, H, W, 3] in [0, 1] -> { name: [B, H', W', C] }. */
export type FeatureExtractor = (images: tf.Tensor4D) => Record<string, tf.Tensor4D>;

/** Options of {@link randomFeatureExtractor}. */
export interface RandomFeatureExtractorOptions {
  /** Seed of the random filters. Default 0. */
  seed?: number;
  /** Filter sizes, one single-layer convolution per size (Ustyuzhaninov et al.'s scales). Default [3, 5, 7, 11]. */
  scales?: readonly number[];
  /** Random filters per scale. Default 32. */
  filters?: number;
  /** 'valid' (default: no zero border in the statistics) or 'same'. */
  padding?: 'valid' | 'same';
}

/** The extractor {@link randomFeatureExtractor} returns: a {@link FeatureExtractor} that owns its filters. */
export interface DisposableFeatureExtractor extends FeatureExtractor {
  /** `scale3`, `scale5`, ...: the names of the feature maps, one per scale, smallest first. */
  readonly layerNames: readonly string[];
  /** Frees the filters; calling the extractor afterwards throws. */
  dispose(): void;
}

/**
 * Random multi-scale shallow features, after Ustyuzhaninov, Brendel, Gatys and Bethge, "Texture
 * synthesis using shallow convolutional networks with random filters" (2016): one layer per scale
 * s, never trained, `scale{s}` = relu(conv2d(x - 0.5, W_s)) with W_s [s, s, 3, filters] drawn once
 * from N(0, 2 / (3 s^2)) (He's scale) by a seeded generator, no bias, no pooling. Their Gram
 * matrices carry enough texture statistics to synthesise textures (they used 8 scales of 128
 * filters, 3 to 55 px; the defaults here are smaller so that a 128 px image runs on wasm).
 * Built from @baihua/cnn's conv2d. Images [B, H, W, 3] in [0, 1], H, W >= the largest scale with
 * 'valid' padding; out `{ scale3: [B, H - 2, W - 2, filters], ... }`.
 *
 * @example
 * const extractor = randomFeatureExtractor({ seed: 1, scales: [3, 5], filters: 16 });
 * const features = extractor(images); // { scale3: [1, 14, 14, 16], scale5: [1, 12, 12, 16] }
 * extractor.dispose();
 *
 * In plain words: a bank of random stamps of several sizes; which stamps fire together describes a
 * texture well enough to paint it again.
 */
export function randomFeatureExtractor(options: RandomFeatureExtractorOptions = {}): DisposableFeatureExtractor {
  const fn = 'randomFeatureExtractor';
  assertKnownOptions(fn, 'options', options, ['seed', 'scales', 'filters', 'padding']);
  const { seed = 0, scales = [3, 5, 7, 11], filters = 32, padding = 'valid' } = options;
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected seed to be an integer, got ${String(seed)}`);
  if (!Array.isArray(scales) || scales.length === 0 || new Set(scales).size !== scales.length)
    throw new ArgumentError(
      fn,
      `expected scales to be a non-empty list of distinct sizes, got ${JSON.stringify(scales)}`,
    );
  scales.forEach((size, i) => assertPositiveInteger(fn, `scales[${i}]`, size));
  assertPositiveInteger(fn, 'filters', filters);
  assertOneOf(fn, 'padding', padding, ['valid', 'same'] as const);
  const random = createRandom(seed);
  const weights = [...scales]
    .sort((a, b) => a - b)
    .map((size) => {
      const std = Math.sqrt(2 / (3 * size * size));
      const values = Float32Array.from({ length: size * size * 3 * filters }, () => std * random.normal());
      return { name: `scale${size}`, size, filter: tf.tensor4d(values, [size, size, 3, filters]) };
    });
  const largest = Math.max(...scales);
  let disposed = false;
  const extract = (images: tf.Tensor4D): Record<string, tf.Tensor4D> => {
    if (disposed) throw new ArgumentError(fn, 'expected an extractor that is not disposed, got a disposed one');
    const shape = rgbBatchShape(fn, 'images', images);
    if (padding === 'valid' && (shape[1] < largest || shape[2] < largest))
      throw new ShapeError(
        fn,
        `expected images at least ${largest}x${largest} (the largest scale, padding 'valid'), ` +
          `got shape ${describeShape(images.shape)}`,
      );
    return tf.tidy(() => {
      const centred = tf.sub(tf.reshape(images, shape), 0.5);
      return Object.fromEntries(weights.map((w) => [w.name, tf.relu(conv2d(centred, w.filter, { padding }))]));
    });
  };
  return Object.assign(extract, {
    layerNames: weights.map((w) => w.name),
    dispose: () => {
      if (!disposed) tf.dispose(weights.map((w) => w.filter));
      disposed = true;
    },
  });
}
