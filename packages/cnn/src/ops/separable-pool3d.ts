import * as tf from '@tensorflow/tfjs-core';
import { avgPool2d } from './avg-pool2d.js';
import { maxPool2d } from './max-pool2d.js';
import type { Pool3DGeometry } from './pool3d-options.js';

/**
 * 3-D max or average pooling as two 2-D poolings: first over (height, width) of every depth slice,
 * [N * D, H, W, C], then over depth, [N, D, H' * W', C] with window [pd, 1]. Both reductions are
 * separable over a box: the max of a box is the max over depth of the slices' maxima, and the
 * average with TensorFlow's 'same' rule divides by cD * cH * cW, the product of the voxels inside
 * per axis, so it is the depth average of the slices' averages.
 *
 * Why not tfjs's MaxPool3D / AvgPool3D: their gradients differ from PyTorch's on tfjs 4.22.
 * MaxPool3DGrad sends a tied window's gradient to its last maximum (every backend; wasm also sends a
 * window's to its first element when its maximum is 0 or below), and AvgPool3DGrad divides by the
 * full window size where 'same' padding cuts the window (every backend). The 2-D ops used
 * here have exact gradients on every backend ({@link maxPool2d} sends ties to the first maximum of
 * the slice, the depth stage to the first slice holding the maximum: together the first maximum in
 * depth-row-column order), and all tensors stay at rank 4, which webgpu handles.
 */
export function separablePool3d(kind: 'max' | 'avg', input: tf.Tensor, geometry: Pool3DGeometry): tf.Tensor5D {
  const { poolSize, strides, padding } = geometry;
  const [n, d, h, w, c] = input.shape as [number, number, number, number, number];
  const pool2d = kind === 'max' ? maxPool2d : avgPool2d;
  return tf.tidy(() => {
    const slices = pool2d(tf.reshape(input, [n * d, h, w, c]), {
      poolSize: [poolSize[1], poolSize[2]],
      strides: [strides[1], strides[2]],
      padding,
    });
    const [, outHeight, outWidth] = slices.shape;
    const columns = tf.reshape(slices, [n, d, outHeight * outWidth, c]);
    const pooled = pool2d(columns, { poolSize: [poolSize[0], 1], strides: [strides[0], 1], padding });
    return tf.reshape(pooled, [n, pooled.shape[1], outHeight, outWidth, c]) as tf.Tensor5D;
  });
}
