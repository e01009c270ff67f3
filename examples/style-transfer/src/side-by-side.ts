import * as tf from '@tensorflow/tfjs-core';

/**
 * Images [H_i, W_i, 3] in a row, top-aligned on a white ground with `gap` white pixels between
 * them: one image [max H_i, sum W_i + gap (n - 1), 3].
 *
 * @example
 * const row = sideBySide([content, style, result], 4);
 *
 * In plain words: the pictures next to each other, ready to save as one PNG.
 */
export function sideBySide(images: readonly tf.Tensor[], gap = 4): tf.Tensor3D {
  const height = Math.max(...images.map((image) => image.shape[0] as number));
  return tf.tidy(() => {
    const parts: tf.Tensor[] = [];
    images.forEach((image, i) => {
      if (i > 0) parts.push(tf.ones([height, gap, 3]));
      const below = height - (image.shape[0] as number);
      parts.push(
        below === 0
          ? image
          : tf.pad(
              image,
              [
                [0, below],
                [0, 0],
                [0, 0],
              ],
              1,
            ),
      );
    });
    return tf.concat(parts, 1) as tf.Tensor3D;
  });
}
