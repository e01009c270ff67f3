import * as tf from '@tensorflow/tfjs-core';
import { assertSameShape } from '@baihua/core';
import { assertFeatureMaps } from './feature-maps.js';

/**
 * The seed's content loss of one layer, summed over the batch:
 *   L = 1/2 sum_{b,h,w,c} (F - P)^2,   dL/dF = F - P
 * where F are the generated image's features and P the content image's at the same layer.
 *
 * Shapes: features and target [B, H, W, C] float32, the same shape. Out: scalar.
 * Weighting several layers (sum_l w_l L_l) is the caller's.
 *
 * In plain words: how far the picture being painted has drifted, feature by feature, from what the
 * network saw in the photo.
 *
 * @example
 * const f = tf.tensor4d([1, 2], [1, 1, 1, 2]);
 * contentLoss(f, tf.tensor4d([0, 0], [1, 1, 1, 2])); // (1 + 4) / 2 = 2.5
 */
export function contentLoss(features: tf.Tensor4D, target: tf.Tensor4D): tf.Scalar {
  const name = 'contentLoss';
  assertFeatureMaps(name, 'features', features);
  assertFeatureMaps(name, 'target', target);
  assertSameShape(name, 'features', features, 'target', target);
  return tf.tidy(() => tf.mul(tf.sum(tf.squaredDifference(features, target)), 0.5));
}
