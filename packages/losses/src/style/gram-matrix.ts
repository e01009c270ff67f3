import * as tf from '@tensorflow/tfjs-core';
import { customGradient } from '../custom-gradient.js';
import { assertFeatureMaps } from './feature-maps.js';

/**
 * F^T F for F [B, N, C], with its gradient dF = F (dY + dY^T) written out. tfjs-wasm's BatchMatMul
 * with transposeA is 5-8x slower than transposing first, and autograd of either form puts a
 * transposeA product in the backward pass; here neither pass has one (wasm, [1, 4096, 64], forward
 * and backward: 36 ms with matMul(F, F, true) -> 4.4 ms).
 */
const selfInnerProducts = customGradient<[tf.Tensor3D]>(([positions], save) => {
  save([positions]);
  return {
    value: tf.matMul(tf.transpose(positions, [0, 2, 1]), positions),
    gradFunc: (dy, [saved]) => [
      tf.matMul(saved as tf.Tensor3D, tf.add(dy, tf.transpose(dy, [0, 2, 1])) as tf.Tensor3D),
    ],
  };
});

/**
 * The Gram matrix of each feature map in a batch, normalised by the number of positions:
 *   G[b] = F_b^T F_b / (H W),   F_b = features[b] reshaped to [H W, C]
 * so G[b][i][j] is the average over positions of channel i times channel j. Its gradient is
 * dF_b = F_b (dG_b + dG_b^T) / (H W).
 *
 * Shapes: features [B, H, W, C] float32 (channels last, every size >= 1). Out: [B, C, C], symmetric.
 * Computed as batched matMuls on [B, H W, C] (ranks <= 3, so it runs and differentiates on every
 * backend), with a hand-written gradient (first order only: no gradient of the gradient).
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
    const positions = tf.reshape<tf.Rank.R3>(features, [batch, height * width, channels]);
    return tf.div<tf.Tensor3D>(selfInnerProducts(positions), height * width);
  });
}
