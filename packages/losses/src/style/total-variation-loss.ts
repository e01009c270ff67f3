import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions, assertOneOf } from '@baihua/core';
import { optionKeys } from '../option-keys.js';
import { assertFeatureMaps } from './feature-maps.js';

/** Options of {@link totalVariationLoss}. */
export interface TotalVariationLossOptions {
  /**
   * 'squared' (default): neighbour differences squared, a smooth penalty (Johnson et al. 2016).
   * 'absolute': their absolute values (tf.image.total_variation's); gradient sign(d), 0 at d = 0.
   */
  form?: 'squared' | 'absolute';
}

const optionNames = optionKeys<TotalVariationLossOptions>({ form: true });

/**
 * Total variation of a batch of images, summed over batch, positions and channels:
 *   'squared':  L = sum (x[b,h+1,w,c] - x[b,h,w,c])^2 + sum (x[b,h,w+1,c] - x[b,h,w,c])^2
 *   'absolute': L = sum |x[b,h+1,w,c] - x[b,h,w,c]|   + sum |x[b,h,w+1,c] - x[b,h,w,c]|
 * (vertical neighbours over h < H - 1, horizontal ones over w < W - 1; no wrap-around).
 *
 * Shapes: images [B, H, W, C] float32 (every size >= 1; H = W = 1 gives 0). Out: scalar.
 * Default: form 'squared'.
 *
 * In plain words: a fine for every jump between neighbouring pixels, so the painting does not fill
 * with speckle noise.
 *
 * @example
 * const image = tf.tensor4d([0, 1, 3, 3], [1, 2, 2, 1]); // rows (0, 1) and (3, 3)
 * totalVariationLoss(image); // vertical 9 + 4, horizontal 1 + 0: 14
 * totalVariationLoss(image, { form: 'absolute' }); // 3 + 2 + 1 + 0 = 6
 */
export function totalVariationLoss(images: tf.Tensor4D, options: TotalVariationLossOptions = {}): tf.Scalar {
  const name = 'totalVariationLoss';
  assertKnownOptions(name, 'options', options, optionNames);
  assertFeatureMaps(name, 'images', images);
  const { form = 'squared' } = options;
  assertOneOf(name, 'form', form, ['squared', 'absolute'] as const);
  const [batch, height, width, channels] = images.shape;
  return tf.tidy(() => {
    // |d| as relu(d) + relu(-d): tf.abs's gradient at d = 0 is -1 (step(d, -1)), relu's is 0, so flat
    // regions (equal neighbours) pull no pixel either way.
    const magnitude = (d: tf.Tensor): tf.Tensor => tf.add(tf.relu(d), tf.relu(tf.neg(d)));
    const penalty = (d: tf.Tensor): tf.Scalar => tf.sum(form === 'squared' ? tf.square(d) : magnitude(d));
    let total = tf.scalar(0);
    if (height > 1) {
      const lower = tf.slice(images, [0, 1, 0, 0], [batch, height - 1, width, channels]);
      const upper = tf.slice(images, [0, 0, 0, 0], [batch, height - 1, width, channels]);
      total = tf.add(total, penalty(tf.sub(lower, upper)));
    }
    if (width > 1) {
      const right = tf.slice(images, [0, 0, 1, 0], [batch, height, width - 1, channels]);
      const left = tf.slice(images, [0, 0, 0, 0], [batch, height, width - 1, channels]);
      total = tf.add(total, penalty(tf.sub(right, left)));
    }
    return total;
  });
}
