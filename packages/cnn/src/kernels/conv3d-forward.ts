import * as tf from '@tensorflow/tfjs-core';
import { ShapeError } from '@baihua/core';
import { fastConv3dKernel } from './wasm-conv3d.js';

/**
 * A 3-D convolution (cross-correlation, dilation 1) on the fastest exact kernel of the current
 * backend: this package's im2col {@link fastConv3dKernel} where it is registered (wasm, several
 * times faster than stock), tf.conv3d elsewhere. Differentiable with respect to x and filter.
 * y[b, d', h', w', o] = sum over p, q, t, c of
 * x[b, d' s_d + p - pad_front, h' s_h + q - pad_top, w' s_w + t - pad_left, c] filter[p, q, t, c, o].
 * Shapes: x [N, D, H, W, Cin], filter [kd, kh, kw, Cin, Cout] -> [N, D', H', W', Cout] with
 * D' = ceil((D - kd + 1) / s_d) ('valid') or ceil(D / s_d) ('same', TensorFlow's padding).
 *
 * @example
 * const x = tf.ones([1, 4, 4, 4, 2]) as tf.Tensor5D;
 * const y = conv3dForward(x, tf.ones([3, 3, 3, 2, 3]) as tf.Tensor5D, [1, 1, 1], 'same'); // [1, 4, 4, 4, 3]
 *
 * In plain words: slides a small cube of weights through the volume and sums what it covers.
 */
export function conv3dForward(
  x: tf.Tensor5D,
  filter: tf.Tensor5D,
  strides: [number, number, number],
  pad: 'valid' | 'same',
): tf.Tensor5D {
  if (x.rank !== 5 || filter.rank !== 5 || filter.shape[3] !== x.shape[4]) {
    throw new ShapeError(
      'conv3dForward',
      `expected x [N, D, H, W, C] and filter [kd, kh, kw, C, Cout] of rank 5 with equal C, ` +
        `got x [${x.shape}], filter [${filter.shape}]`,
    );
  }
  if (tf.getKernel(fastConv3dKernel, tf.getBackend()) === undefined) return tf.conv3d(x, filter, strides, pad);
  const attrs = { strides, pad } as unknown as tf.NamedAttrMap;
  return tf.engine().runKernel(fastConv3dKernel, { x, filter }, attrs) as tf.Tensor5D;
}
