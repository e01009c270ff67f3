import * as tf from '@tensorflow/tfjs-core';

/**
 * tf.oneHot as float32. tfjs-backend-wasm's OneHot ignores the dtype argument and writes int32
 * bits into the float32 tensor (1 reads as 1.4e-45), so build int32 and cast instead.
 * Indices outside [0, depth) give all-zero rows.
 * Internal helper.
 */
export function oneHotFloat(indices: tf.Tensor, depth: number): tf.Tensor {
  return tf.tidy(() => tf.cast(tf.oneHot(indices, depth), 'float32'));
}
