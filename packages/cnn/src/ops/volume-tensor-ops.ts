import * as tf from '@tensorflow/tfjs-core';

/** Zeros before and after each spatial axis of an NDHWC volume: [[d0, d1], [h0, h1], [w0, w1]]. */
export type VolumePadding = readonly [readonly [number, number], readonly [number, number], readonly [number, number]];

/**
 * Zero-pads the spatial axes of an NDHWC volume [N, D, H, W, C] using only rank <= 4 tensors:
 * depth and height on [N, D, H, W*C], then width on [N*D'*H', W, C]. (tfjs-webgpu's pad on rank 5
 * returns zeros without an error.) Differentiable: pad's gradient is a slice.
 */
export function padVolume(x: tf.Tensor, padding: VolumePadding): tf.Tensor5D {
  const [n, d, h, w, c] = x.shape as [number, number, number, number, number];
  const [[d0, d1], [h0, h1], [w0, w1]] = padding;
  return tf.tidy(() => {
    const depth = d + d0 + d1;
    const height = h + h0 + h1;
    const width = w + w0 + w1;
    const outer = tf.pad(tf.reshape(x, [n, d, h, w * c]), [
      [0, 0],
      [d0, d1],
      [h0, h1],
      [0, 0],
    ]);
    const inner = tf.pad(tf.reshape(outer, [n * depth * height, w, c]), [
      [0, 0],
      [w0, w1],
      [0, 0],
    ]);
    return tf.reshape(inner, [n, depth, height, width, c]);
  });
}

/**
 * y + bias[c] over the last axis, through a 2-D view [-1, C]: tfjs-webgpu's broadcasting add on a
 * rank-5 tensor returns the first operand unchanged. Returns y itself when there is no bias.
 */
export function addChannelBias<T extends tf.Tensor>(y: T, bias: tf.Tensor | undefined): T {
  if (bias === undefined) return y;
  const channels = y.shape[y.rank - 1] as number;
  return tf.tidy(() => tf.reshape(tf.add(tf.reshape(y, [-1, channels]), bias), y.shape) as T);
}
