import * as tf from '@tensorflow/tfjs-core';
import { assertFeatureMaps } from './feature-maps.js';

/**
 * The Gram matrix of each feature map in a batch, normalised by the number of positions:
 *   G[b] = F_b^T F_b / (H W),   F_b = features[b] reshaped to [H W, C]
 * so G[b][i][j] is the average over positions of channel i times channel j. Its gradient is
 * dF_b = F_b (dG_b + dG_b^T) / (H W).
 *
 * Shapes: features [B, H, W, C] float32 (channels last, every size >= 1). Out: [B, C, C], symmetric.
 * Computed as one batched matMul of [B, H W, C] with itself (transposeA), ranks <= 3, so it runs and
 * differentiates on every backend.
 *
 * In plain words: which channels fire together, wherever in the picture that happens; the layout is
 * thrown away and only the texture's statistics remain.
 *
 * @example
 * const features = tf.tensor4d([1, 2, 3, 4], [1, 1, 2, 2]); // positions (1, 2) and (3, 4)
 * gramMatrix(features); // [[[5, 7], [7, 10]]] = [[1+9, 2+12], [2+12, 4+16]] / 2
 */
export function gramMatrix(features: tf.Tensor4D): tf.Tensor3D {
  assertFeatureMaps('gramMatrix', 'features', features);
  const [batch, height, width, channels] = features.shape;
  return tf.tidy(() => {
    const positions = tf.reshape(features, [batch, height * width, channels]);
    return tf.div(tf.matMul(positions, positions, true, false), height * width);
  });
}
