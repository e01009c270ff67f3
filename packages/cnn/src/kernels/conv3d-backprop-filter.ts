import * as tf from '@tensorflow/tfjs-core';
import { ShapeError } from '@baihua/core';
import { exactConv3dBackpropFilterKernel } from './wasm-conv3d-backprop-filter.js';

/**
 * The gradient of a 3-D convolution with respect to its filter:
 * dW[p, q, t, c, o] = sum over b, d', h', w' of
 * x[b, d' s_d + p - pad_front, h' s_h + q - pad_top, w' s_w + t - pad_left, c] dy[b, d', h', w', o]
 * (x read as zero outside). Shapes: x [N, D, H, W, Cin], dy [N, D', H', W', Cout] -> `filterShape`
 * [kd, kh, kw, Cin, Cout]. Runs the exact {@link exactConv3dBackpropFilterKernel} where it is
 * registered for the current backend (wasm, whose stock kernel is wrong with strides > 1),
 * tfjs's Conv3DBackpropFilterV2 elsewhere.
 *
 * @example
 * const x = tf.ones([1, 4, 4, 4, 2]) as tf.Tensor5D;
 * const dy = tf.ones([1, 2, 2, 2, 3]) as tf.Tensor5D;
 * const dw = conv3dBackpropFilter(x, dy, [3, 3, 3, 2, 3], [2, 2, 2], 'same'); // [3, 3, 3, 2, 3]
 *
 * In plain words: measures how much each filter weight contributed to the output's error.
 */
export function conv3dBackpropFilter(
  x: tf.Tensor5D,
  dy: tf.Tensor5D,
  filterShape: [number, number, number, number, number],
  strides: [number, number, number],
  pad: 'valid' | 'same',
): tf.Tensor5D {
  if (x.rank !== 5 || dy.rank !== 5 || filterShape.length !== 5) {
    throw new ShapeError(
      'conv3dBackpropFilter',
      `expected x and dy of rank 5 and a filterShape of length 5, got x [${x.shape}], ` +
        `dy [${dy.shape}], filterShape [${filterShape}]`,
    );
  }
  if (filterShape[3] !== x.shape[4] || filterShape[4] !== dy.shape[4] || x.shape[0] !== dy.shape[0]) {
    throw new ShapeError(
      'conv3dBackpropFilter',
      `expected filterShape [kd, kh, kw, ${x.shape[4]}, ${dy.shape[4]}] and dy of batch ${x.shape[0]}, ` +
        `got filterShape [${filterShape}], dy [${dy.shape}]`,
    );
  }
  const attrs = { strides, pad, filterShape } as unknown as tf.NamedAttrMap;
  const exact = tf.getKernel(exactConv3dBackpropFilterKernel, tf.getBackend()) !== undefined;
  const kernel = exact ? exactConv3dBackpropFilterKernel : tf.Conv3DBackpropFilterV2;
  return tf.engine().runKernel(kernel, { x, dy }, attrs) as tf.Tensor5D;
}
