import * as tf from '@tensorflow/tfjs-core';
import { ShapeError, assertDtype, assertRank, describeShape } from '@baihua/core';
import { gramMatrix } from './gram-matrix.js';
import { assertBatchOrOne, assertFeatureMaps } from './feature-maps.js';

/**
 * The seed's style loss of one layer, summed over the batch:
 *   L = sum_b sum_{i,j} (G(F)[b] - G(S)[b])^2,   G = {@link gramMatrix} (F^T F / (H W))
 * where F are the generated image's features and S the style image's at the same layer.
 *
 * Shapes: features [B, H, W, C] float32. style either the style features [B or 1, H', W', C]
 * (rank 4; H', W' may differ from H, W) or their precomputed Gram matrices [B or 1, C, C] (rank 3;
 * compute them once with gramMatrix and reuse them every step). A style batch of 1 is used for every
 * item of the batch. Out: scalar. Weighting several layers (sum_l w_l L_l) is the caller's.
 *
 * In plain words: the painting must have the same "which channels fire together" statistics as the
 * style image, whatever is painted where.
 *
 * @example
 * const f = tf.tensor4d([1, 0], [1, 1, 1, 2]); // G(F) = [[1, 0], [0, 0]]
 * styleLoss(f, tf.tensor4d([0, 1], [1, 1, 1, 2])); // G(S) = [[0, 0], [0, 1]]: 1 + 1 = 2
 * styleLoss(f, tf.tensor3d([[[0, 0], [0, 1]]])); // the same with the Gram given: 2
 */
export function styleLoss(features: tf.Tensor4D, style: tf.Tensor4D | tf.Tensor3D): tf.Scalar {
  const name = 'styleLoss';
  assertFeatureMaps(name, 'features', features);
  assertRank(name, 'style', style, [3, 4]);
  if (style.rank === 4) assertFeatureMaps(name, 'style', style);
  else assertDtype(name, 'style', style, 'float32');
  const channels = features.shape[3];
  const styleChannels = style.shape[style.rank - 1] as number;
  const gramOk = style.rank === 4 || (style.shape[1] === channels && styleChannels === channels);
  if (styleChannels !== channels || !gramOk) {
    const expected = style.rank === 4 ? `[*, *, *, ${channels}]` : `[*, ${channels}, ${channels}] (a Gram matrix)`;
    throw new ShapeError(
      name,
      `expected style of shape ${expected} to match features' ${channels} channels, ` +
        `got shape ${describeShape(style.shape)} (features ${describeShape(features.shape)})`,
    );
  }
  assertBatchOrOne(name, 'features', features, 'style', style);
  return tf.tidy(() => {
    const styleGram = style.rank === 4 ? gramMatrix(style as tf.Tensor4D) : style;
    // tf.sub, not tf.squaredDifference: the latter's gradient does not sum a broadcast style batch of 1.
    return tf.sum(tf.square(tf.sub(gramMatrix(features), styleGram)));
  });
}
