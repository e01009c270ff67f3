import * as tf from '@tensorflow/tfjs-core';

/**
 * Test helpers: a 16x16 content "photo" (a bright disc on a dull ground) and a style picture
 * (diagonal red and blue stripes), float32 [16, 16, 3] in [0, 1], made in plain JavaScript.
 */
export function discImage(size = 16): tf.Tensor3D {
  const values = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const inside = Math.hypot(x - size / 2, y - size / 2) < size / 4;
      values.set(inside ? [0.8, 0.8, 0.5] : [0.3, 0.3, 0.5], (y * size + x) * 3);
    }
  return tf.tensor3d(values, [size, size, 3]);
}

/** Diagonal stripes two pixels wide, red and blue; see {@link discImage}. */
export function stripesImage(size = 16): tf.Tensor3D {
  const values = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) values.set((x + y) % 4 < 2 ? [0.9, 0.2, 0.1] : [0.1, 0.3, 0.8], (y * size + x) * 3);
  return tf.tensor3d(values, [size, size, 3]);
}
