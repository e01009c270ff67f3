import * as tf from '@tensorflow/tfjs-core';
import { ShapeError } from '@baihua/core';
import { exactConv3dBackpropInputKernel } from './wasm-conv3d-backprop-input.js';

/** Input size [batch, depth, height, width, inChannels] of a 3-D convolution. */
export type Volume5DShape = [number, number, number, number, number];

/**
 * The gradient of a 3-D convolution with respect to its input (also the forward pass of
 * conv3dTranspose): dx[b, z, r, c, i] = sum over taps (p, q, t) and outputs (d', h', w') with
 * z = d' s_d + p - pad_front, r = h' s_h + q - pad_top, c = w' s_w + t - pad_left of
 * filter[p, q, t, i, o] dy[b, d', h', w', o].
 * Shapes: dy [N, D', H', W', Cout], filter [kd, kh, kw, Cin, Cout] -> dx `inputShape` [N, D, H, W, Cin].
 * Runs the exact {@link exactConv3dBackpropInputKernel} where it is registered for the current
 * backend (wasm, whose stock Conv3DBackpropInputV2 is wrong), tfjs's Conv3DBackpropInputV2 elsewhere.
 * Differentiable with respect to dy and filter (see conv3d-backprop-input-gradient.ts), so it can
 * serve as conv3dTranspose's forward in training.
 *
 * @example
 * const dy = tf.ones([1, 2, 2, 2, 3]) as tf.Tensor5D;
 * const dx = conv3dBackpropInput([1, 4, 4, 4, 2], dy, tf.ones([3, 3, 3, 2, 3]), [2, 2, 2], 'same'); // [1, 4, 4, 4, 2]
 *
 * In plain words: spreads each output's error back over the input voxels that produced it.
 */
export function conv3dBackpropInput(
  inputShape: Volume5DShape,
  dy: tf.Tensor5D,
  filter: tf.Tensor5D,
  strides: [number, number, number],
  pad: 'valid' | 'same',
): tf.Tensor5D {
  if (dy.rank !== 5 || filter.rank !== 5 || inputShape.length !== 5) {
    throw new ShapeError(
      'conv3dBackpropInput',
      `expected dy and filter of rank 5 and an inputShape of length 5, got dy [${dy.shape}], ` +
        `filter [${filter.shape}], inputShape [${inputShape}]`,
    );
  }
  if (filter.shape[3] !== inputShape[4] || filter.shape[4] !== dy.shape[4]) {
    throw new ShapeError(
      'conv3dBackpropInput',
      `expected filter [kd, kh, kw, ${inputShape[4]}, ${dy.shape[4]}], got [${filter.shape}]`,
    );
  }
  const attrs = { strides, pad, inputShape } as unknown as tf.NamedAttrMap;
  const exact = tf.getKernel(exactConv3dBackpropInputKernel, tf.getBackend()) !== undefined;
  const kernel = exact ? exactConv3dBackpropInputKernel : tf.Conv3DBackpropInputV2;
  return tf.engine().runKernel(kernel, { dy, filter }, attrs) as tf.Tensor5D;
}
