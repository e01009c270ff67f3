import * as tf from '@tensorflow/tfjs-core';
import type { SeededRandom } from '@baihua/core';

/**
 * Data augmentation: shifts each 28x28 image of a batch [B, 784] by its own random offset of up to
 * `maxShift` pixels in x and y (zeros fill in), with one tf.gather over the padded batch, so it
 * costs a single kernel on any backend. Offsets come from the seeded generator `random`.
 */
export function shiftImages(images: tf.Tensor, random: SeededRandom, maxShift = 2): tf.Tensor {
  const batch = images.shape[0] as number;
  const side = 28;
  const padded = side + 2 * maxShift;
  const index = new Int32Array(batch * side * side);
  for (let b = 0; b < batch; b++) {
    const dy = random.integer(2 * maxShift + 1);
    const dx = random.integer(2 * maxShift + 1);
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        // Output (r, c) reads padded (r + dy, c + dx): a shift of (maxShift - dy, maxShift - dx).
        index[(b * side + r) * side + c] = (b * padded + r + dy) * padded + c + dx;
      }
    }
  }
  return tf.tidy(() => {
    const square = tf.reshape(images, [batch, side, side]);
    const withBorder = tf.pad(square, [
      [0, 0],
      [maxShift, maxShift],
      [maxShift, maxShift],
    ]);
    const flat = tf.reshape(withBorder, [-1]);
    return tf.reshape(tf.gather(flat, tf.tensor1d(index, 'int32')), [batch, side * side]);
  });
}
