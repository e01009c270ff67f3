import * as tf from '@tensorflow/tfjs-core';

/**
 * An identity set of rendered glyphs: `images` [N, size, size, 1] float32 in [0, 1] (ink 1),
 * `labels` [N] int32 in 0..identities-1 with K consecutive rows per identity, `characters[label]`
 * the character of each identity, `fontOfRow[row]` the font face each row was rendered from.
 * `dispose()` frees both tensors.
 *
 * @example
 * const set = await glyphIdentitySet({ fonts: cjkFontFiles(), identities: 2, samplesPerIdentity: 3 });
 * set.characters; // ['一', '丁']; set.labels: [0, 0, 0, 1, 1, 1]
 * set.dispose();
 *
 * In plain words: many small pictures of characters, each labelled with which character it is.
 */
export interface GlyphSet {
  images: tf.Tensor4D;
  labels: tf.Tensor1D;
  characters: string[];
  fontOfRow: string[];
  dispose(): void;
}

/**
 * Builds a {@link GlyphSet} from row pixels (rows * size * size values), its labels made
 * from the layout: K = rows / characters consecutive rows per identity.
 *
 * @example
 * createGlyphSet(new Float32Array(4 * 64), 8, ['一', '丁'], ['A', 'B', 'A', 'B']); // labels [0, 0, 1, 1]
 */
export function createGlyphSet(
  pixels: Float32Array,
  size: number,
  characters: string[],
  fontOfRow: string[],
): GlyphSet {
  const rows = fontOfRow.length;
  const perIdentity = rows / characters.length;
  const labels = Int32Array.from({ length: rows }, (_, row) => Math.floor(row / perIdentity));
  const images = tf.tensor4d(pixels, [rows, size, size, 1], 'float32');
  const labelTensor = tf.tensor1d(labels, 'int32');
  return {
    images,
    labels: labelTensor,
    characters,
    fontOfRow,
    dispose: () => tf.dispose([images, labelTensor]),
  };
}
