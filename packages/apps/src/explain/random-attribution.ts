import * as tf from '@tensorflow/tfjs-core';
import { assertFiniteNumber, assertKnownOptions, assertTensor, createRandom } from '@baihua/core';

/** Options of {@link randomAttribution}. */
export interface RandomAttributionOptions {
  /** Seed of the order. Default 0. */
  seed?: number;
}

/**
 * A seeded uniform random map of the images' shape: as an attribution it ranks the pixels in a
 * random order, the baseline deletion and insertion curves are compared with.
 * images [N, ...] -> [N, ...] in [0, 1), the caller's to dispose.
 *
 * @example
 * const random = randomAttribution(images, { seed: 1 });
 * const { meanAuc } = await deletionCurve(model, images, random);
 *
 * In plain words: an explanation that knows nothing, the bar every real one must clear.
 */
export function randomAttribution(images: tf.Tensor, options: RandomAttributionOptions = {}): tf.Tensor {
  const fn = 'randomAttribution';
  assertKnownOptions(fn, 'options', options, ['seed']);
  assertTensor(fn, 'images', images);
  const { seed = 0 } = options;
  assertFiniteNumber(fn, 'options.seed', seed);
  const random = createRandom(seed);
  return tf.tensor(Float32Array.from({ length: images.size }, random.next), images.shape);
}
