import * as tf from '@tensorflow/tfjs-core';
import { assertRank } from '@baihua/core';
import { normalizeTriple, type SizeTriple } from './volume-options.js';

/**
 * Inserts d - 1 zeros between neighbouring taps of a 5-D filter [kd, kh, kw, a, b] along each
 * spatial axis, giving [(kd - 1) dd + 1, (kh - 1) dh + 1, (kw - 1) dw + 1, a, b]:
 * w'[i dd, j dh, k dw] = w[i, j, k], zeros elsewhere. A 3-D convolution with w' and dilation 1
 * equals the dilated convolution with w, so {@link conv3d} differentiates dilations > 1 (which
 * tfjs's Conv3D gradient refuses) through tfjs's ordinary gradient and this op's (a strided slice).
 * Built from reshape, pad and slice on tensors of rank <= 4 (safe on webgpu), all differentiable.
 *
 * @example
 * dilateFilter3d(tf.ones([3, 3, 3, 1, 1]), [1, 2, 2]).shape; // [3, 5, 5, 1, 1]
 *
 * In plain words: the same 27 eyes of the scanner, spread apart with gaps between them.
 */
export function dilateFilter3d(filter: tf.Tensor, dilations: SizeTriple): tf.Tensor5D {
  const fn = 'dilateFilter3d';
  assertRank(fn, 'filter', filter, 5);
  const rates = normalizeTriple(fn, 'dilations', dilations);
  if (rates.every((rate) => rate === 1)) return filter as tf.Tensor5D;
  return tf.tidy(() => {
    let result = filter;
    rates.forEach((rate, axis) => {
      if (rate === 1) return;
      const shape = [...result.shape];
      const size = shape[axis] as number;
      const before = shape.slice(0, axis).reduce((p, v) => p * v, 1);
      const after = shape.slice(axis + 1).reduce((p, v) => p * v, 1);
      const spread = tf.pad(tf.reshape(result, [before, size, 1, after]), [
        [0, 0],
        [0, 0],
        [0, rate - 1],
        [0, 0],
      ]);
      const span = (size - 1) * rate + 1;
      const cut = tf.slice(tf.reshape(spread, [before, size * rate, after]), [0, 0, 0], [before, span, after]);
      shape[axis] = span;
      result = tf.reshape(cut, shape);
    });
    return result as tf.Tensor5D;
  });
}
