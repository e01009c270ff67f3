import {
  ArgumentError,
  assertKnownOptions,
  assertPositiveInteger,
  assertTensor,
  type Layer,
  predict,
  ShapeError,
} from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { l2Normalize } from './triplet-objective.js';

/** Options of {@link embedImages}. */
export interface EmbedImagesOptions {
  /** Rows per forward pass. Default 64. */
  batchSize?: number;
}

/**
 * Embeds images with a trained embedding network in inference mode and L2-normalises each row:
 * e_i = f(x_i) / ||f(x_i)||. images [N, ...] (the model's input rows) -> [N, D] unit rows, computed
 * `batchSize` rows at a time (core's `predict`), so the result does not depend on the batch size.
 * Default batchSize 64. The caller disposes the result.
 *
 * In plain words: turn every picture into a point on a sphere, where near means the same identity.
 *
 * @example
 * const embeddings = embedImages(model, testImages, { batchSize: 128 }); // [N, 64]
 */
export function embedImages(model: Layer, images: tf.Tensor, options: EmbedImagesOptions = {}): tf.Tensor2D {
  const fn = 'embedImages';
  assertKnownOptions(fn, 'options', options, ['batchSize']);
  if (model === null || typeof model !== 'object' || typeof (model as Layer).apply !== 'function')
    throw new ArgumentError(fn, `expected model to be a Layer, got ${model === null ? 'null' : typeof model}`);
  assertTensor(fn, 'images', images);
  if (images.rank < 2 || images.shape[0] === 0)
    throw new ShapeError(fn, `expected images [N, ...] with N >= 1, got shape [${images.shape.join(',')}]`);
  const { batchSize = 64 } = options;
  assertPositiveInteger(fn, 'batchSize', batchSize);
  return tf.tidy(() => {
    const embeddings = predict(model, images, { batchSize });
    if (embeddings.rank !== 2)
      throw new ShapeError(fn, `expected the model to map images to [N, D], got [${embeddings.shape.join(',')}]`);
    return l2Normalize(embeddings) as tf.Tensor2D;
  });
}
