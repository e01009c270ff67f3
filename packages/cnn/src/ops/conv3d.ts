import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '@baihua/core';
import { conv3dForward } from '../kernels/conv3d-forward.js';
import { checkPadding, convPaddings } from './conv-checks.js';
import { convAxisGeometry } from './conv-output-size.js';
import { dilateFilter3d } from './dilate-filter3d.js';
import { checkChannelBias, checkVolumeOperands, checkVolumeWindowFits, describeTriple } from './volume-checks.js';
import { convolution3dOptionKeys, normalizeTriple, type Convolution3DOptions } from './volume-options.js';
import { addChannelBias, padVolume } from './volume-tensor-ops.js';

/**
 * 3-D convolution (cross-correlation), NDHWC:
 * y[b, t, i, j, o] = sum_{l, m, n, c} w[l, m, n, c, o]
 *   x[b, t s_d + l d_d - p_front, i s_h + m d_h - p_top, j s_w + n d_w - p_left, c] + bias[o],
 * with x = 0 outside the input. Input [batch, depth, height, width, inChannels], filter
 * [kd, kh, kw, inChannels, outChannels], output [batch, outDepth, outHeight, outWidth, outChannels],
 * each axis sized as {@link convAxisGeometry} says: for stride 1 and dilation 1, valid n - k + 1,
 * same n (TensorFlow's: ceil(n / s), the odd padding at the end), full n + k - 1 ((k - 1) d zeros on
 * every side). Defaults: padding 'valid', strides 1, dilations 1, no bias.
 *
 * Differentiable with respect to input, filter and bias. Dilations > 1 are computed as an ordinary
 * convolution with the zero-dilated filter ({@link dilateFilter3d}); 'full' as explicit zero padding
 * followed by 'valid' (tfjs's conv3d knows only 'same' and 'valid'). On wasm it runs this package's
 * im2col kernel ({@link conv3dForward}): stock wasm's Conv3D is a plain loop, several times slower.
 *
 * @example
 * const y = conv3d(tf.ones([1, 16, 64, 64, 1]), tf.ones([3, 3, 3, 1, 8]), { padding: 'same' }); // [1, 16, 64, 64, 8]
 *
 * In plain words: the 2-D stamp becomes a small cube pushed through a stack of scan slices; each
 * position writes how much the tissue around it looks like the cube.
 */
export function conv3d(input: tf.Tensor, filter: tf.Tensor, options: Convolution3DOptions = {}): tf.Tensor5D {
  const fn = 'conv3d';
  assertKnownOptions(fn, 'options', options, convolution3dOptionKeys);
  checkVolumeOperands(fn, input, filter);
  const padding = checkPadding(fn, options.padding ?? 'valid', convPaddings);
  const strides = normalizeTriple(fn, 'strides', options.strides ?? 1);
  const dilations = normalizeTriple(fn, 'dilations', options.dilations ?? 1);
  checkChannelBias(fn, options.bias, filter.shape[4] as number, "the filter's output channels");
  const kernel = filter.shape.slice(0, 3) as [number, number, number];
  const effective = kernel.map((k, axis) => (k - 1) * dilations[axis]! + 1) as [number, number, number];
  const dilated = dilations.some((d) => d > 1)
    ? ` (kernel ${describeTriple(kernel)}, dilations ${describeTriple(dilations)})`
    : '';
  checkVolumeWindowFits(fn, dilated ? 'effective kernel' : 'kernel', input, effective, padding, dilated);
  return tf.tidy(() => {
    const taps = dilateFilter3d(filter, dilations);
    let x = input as tf.Tensor5D;
    if (padding === 'full') {
      const pads = kernel.map((k, axis) => {
        const axisGeometry = convAxisGeometry(input.shape[axis + 1] as number, k, {
          padding,
          stride: strides[axis],
          dilation: dilations[axis],
        });
        return [axisGeometry.padBefore, axisGeometry.padAfter] as [number, number];
      });
      x = padVolume(x, pads as [[number, number], [number, number], [number, number]]);
    }
    const y = conv3dForward(x, taps, strides, padding === 'same' ? 'same' : 'valid');
    return addChannelBias(y, options.bias);
  });
}
