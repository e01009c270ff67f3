import * as tf from '@tensorflow/tfjs-core';
import { assertRank } from '@baihua/core';
import { normalizePair, type SizePair } from './conv-checks.js';

/**
 * Inserts d - 1 zeros between neighbouring taps of a 4-D filter [kh, kw, a, b], giving
 * [(kh - 1) dh + 1, (kw - 1) dw + 1, a, b]: w'[i dh, j dw] = w[i, j], zeros elsewhere.
 * A convolution with w' and dilation 1 equals the dilated convolution with w, so its gradient
 * is tfjs's ordinary conv gradient followed by this op's (a strided slice): that is how
 * {@link conv2d} differentiates dilations > 1, which tfjs's own conv gradients refuse.
 * Built from reshape, pad (rank <= 4, safe on webgpu) and slice, all differentiable.
 *
 * @example
 * dilateFilter(tf.ones([3, 3, 1, 1]), 2).shape; // [5, 5, 1, 1]
 *
 * In plain words: the guard's telescope: the same nine eyes, spread out with gaps between them.
 */
export function dilateFilter(filter: tf.Tensor, dilations: SizePair): tf.Tensor4D {
  const fn = 'dilateFilter';
  assertRank(fn, 'filter', filter, 4);
  const [dh, dw] = normalizePair(fn, 'dilations', dilations);
  const [kh, kw, a, b] = filter.shape as [number, number, number, number];
  if (dh === 1 && dw === 1) return filter as tf.Tensor4D;
  return tf.tidy(() => {
    let result = filter as tf.Tensor4D;
    let height = kh;
    if (dh > 1) {
      height = (kh - 1) * dh + 1;
      const rest = kw * a * b;
      const spread = tf.pad(tf.reshape(result, [kh, 1, rest]), [
        [0, 0],
        [0, dh - 1],
        [0, 0],
      ]);
      result = tf.reshape(tf.slice(tf.reshape(spread, [kh * dh, rest]), [0, 0], [height, rest]), [height, kw, a, b]);
    }
    if (dw > 1) {
      const width = (kw - 1) * dw + 1;
      const rest = a * b;
      const spread = tf.pad(tf.reshape(result, [height, kw, 1, rest]), [
        [0, 0],
        [0, 0],
        [0, dw - 1],
        [0, 0],
      ]);
      result = tf.reshape(tf.slice(tf.reshape(spread, [height, kw * dw, rest]), [0, 0, 0], [height, width, rest]), [
        height,
        width,
        a,
        b,
      ]);
    }
    return result;
  });
}
