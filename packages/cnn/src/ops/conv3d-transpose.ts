import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '@baihua/core';
import { conv3dBackpropFilter } from '../kernels/conv3d-backprop-filter.js';
import { conv3dBackpropInput, type Volume5DShape } from '../kernels/conv3d-backprop-input.js';
import { conv3dForward } from '../kernels/conv3d-forward.js';
import { checkPadding, poolPaddings } from './conv-checks.js';
import { checkChannelBias, checkVolumeOperands } from './volume-checks.js';
import { conv3dTransposeOptionKeys, normalizeTriple, type Conv3DTransposeOptions } from './volume-options.js';
import { addChannelBias } from './volume-tensor-ops.js';

/**
 * Transposed 3-D convolution, TensorFlow's conv3d_transpose: the adjoint of {@link conv3d} with
 * respect to its input, y = (d conv3d(u, w) / d u)^T x + bias, so that every input voxel stamps the
 * filter, scaled by its value, onto the output at stride s:
 * z[b, j, o] = sum over taps t and inputs i with i s + t = j of w[t, o, c] x[b, i, c] (per axis),
 * y = z cropped to the output size, + bias[o].
 * Input [batch, depth, height, width, inChannels], filter [kd, kh, kw, outChannels, inChannels]
 * (out channels before in channels, tfjs's and Keras' layout), output
 * [batch, outDepth, outHeight, outWidth, outChannels] with out = (n - 1) s + k ('valid', the default)
 * or n s ('same': the crop starts at floor(max(k - s, 0) / 2), the padding a 'same' conv3d of that
 * size would use). Defaults: strides 1, no bias.
 *
 * Differentiable with respect to input, filter and bias on every backend: d input = conv3d(dy, filter)
 * with the same strides and padding, d filter = the conv3d filter gradient with the roles of input
 * and output gradient swapped, d bias = the sum of dy over every axis but the last. On wasm the
 * forward and the filter gradient run this package's exact kernels (stock wasm's are wrong).
 *
 * @example
 * const y = conv3dTranspose(tf.ones([1, 4, 8, 8, 16]), tf.ones([2, 2, 2, 8, 16]), { strides: 2 }); // [1, 8, 16, 16, 8]
 *
 * In plain words: the decoder's stamp run backwards: each coarse voxel prints a small cube of detail
 * onto a finer grid, where neighbouring prints overlap and add up.
 */
export function conv3dTranspose(
  input: tf.Tensor,
  filter: tf.Tensor,
  options: Conv3DTransposeOptions = {},
): tf.Tensor5D {
  const fn = 'conv3dTranspose';
  assertKnownOptions(fn, 'options', options, conv3dTransposeOptionKeys);
  checkVolumeOperands(fn, input, filter, 4);
  const padding = checkPadding(fn, options.padding ?? 'valid', poolPaddings);
  const strides = normalizeTriple(fn, 'strides', options.strides ?? 1);
  const outChannels = filter.shape[3] as number;
  checkChannelBias(fn, options.bias, outChannels, "the filter's output channels, its axis 3");
  const sizes = input.shape.slice(1, 4).map((n, axis) => {
    const k = filter.shape[axis] as number;
    return padding === 'same' ? n * strides[axis]! : (n - 1) * strides[axis]! + k;
  });
  const outputShape = [input.shape[0], ...sizes, outChannels] as Volume5DShape;
  const body = (...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    const [x, w, bias] = args.slice(0, -1) as [tf.Tensor5D, tf.Tensor5D, tf.Tensor | undefined];
    save([x, w]);
    return {
      value: addChannelBias(conv3dBackpropInput(outputShape, x, w, strides, padding), bias),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [savedX, savedW] = saved as [tf.Tensor5D, tf.Tensor5D];
        const dx = conv3dForward(dy as tf.Tensor5D, savedW, strides, padding);
        const dw = conv3dBackpropFilter(dy as tf.Tensor5D, savedX, savedW.shape as Volume5DShape, strides, padding);
        return bias === undefined ? [dx, dw] : [dx, dw, tf.sum(tf.reshape(dy, [-1, outChannels]), 0)];
      },
    };
  };
  const operands = options.bias === undefined ? [input, filter] : [input, filter, options.bias];
  type CustomBody = Parameters<typeof tf.customGrad>[0];
  const transposed = tf.customGrad(body as CustomBody) as unknown as (...inputs: tf.Tensor[]) => tf.Tensor5D;
  return transposed(...operands);
}
