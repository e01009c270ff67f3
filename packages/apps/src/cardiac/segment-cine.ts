import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions, assertPositiveInteger, assertRank, predict, type Layer } from '@baihua/core';

/**
 * Segments every phase of a cine with a trained segmenter that outputs logits (such as
 * {@link unet3dLite}): masks = 1 where the logit is > 0 (probability > 0.5), else 0. Images
 * [phases, D, H, W] or [phases, D, H, W, 1] -> masks [phases, D, H, W, 1] (float32), computed
 * `batchSize` phases at a time (default 8). The caller owns the result.
 *
 * @example
 * const masks = segmentCine(model, images);            // then cavityVolumes(masks, spacing)
 *
 * In plain words: colour the cavity in every frame of the heartbeat.
 */
export function segmentCine(model: Layer, images: tf.Tensor, options: { batchSize?: number } = {}): tf.Tensor {
  const fn = 'segmentCine';
  assertRank(fn, 'images', images, [4, 5]);
  assertKnownOptions(fn, 'options', options, ['batchSize']);
  const { batchSize = 8 } = options;
  assertPositiveInteger(fn, 'options.batchSize', batchSize);
  return tf.tidy(() => {
    const volumes = images.rank === 4 ? tf.expandDims(images, 4) : images;
    const logits = predict(model, volumes, { batchSize });
    // Rank 2 for the comparison: rank-5 element-wise ops are not trusted on webgpu (TFJS-NOTES).
    const flat = tf.cast(tf.greater(tf.reshape(logits, [-1, 1]), 0), 'float32');
    return tf.reshape(flat, logits.shape);
  });
}
