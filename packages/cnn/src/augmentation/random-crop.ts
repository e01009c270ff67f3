import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  ShapeError,
  assertKnownOptions,
  assertNonNegative,
  assertPositiveInteger,
  assertRank,
  describeShape,
  type SeededRandom,
} from '@baihua/core';

/** Options of {@link randomCrop}. */
export interface RandomCropOptions {
  /** Crop height. Default: the (padded) input's height minus 2 padding, i.e. the original height. */
  height?: number;
  /** Crop width. Default: the original width. */
  width?: number;
  /** Zero pixels added on every side before cropping (pad 2 + crop back = shifts of up to 2 px). Default 0. */
  padding?: number;
}

/**
 * Random crop of a batch of NHWC images: optionally pads `padding` zeros on every side, then cuts
 * a height x width window at an offset drawn per image from the seeded generator (integer pixels,
 * exact copies: no interpolation). Input [batch, H, W, C] -> [batch, height, width, C].
 *
 * @example
 * randomCrop(digits, { padding: 2 }, createRandom(1)); // same size, shifted by up to 2 px
 * randomCrop(photos, { height: 24, width: 24 }, createRandom(1)); // [batch, 24, 24, C]
 *
 * In plain words: suddenly cover part of the picture, so the model learns from parts, not the frame.
 */
export function randomCrop(images: tf.Tensor, options: RandomCropOptions, random: SeededRandom): tf.Tensor4D {
  const fn = 'randomCrop';
  assertRank(fn, 'images', images, 4);
  const padding = checkCropOptions(fn, options);
  const [batch, inHeight, inWidth] = images.shape as [number, number, number, number];
  const height = options?.height ?? inHeight;
  const width = options?.width ?? inWidth;
  const paddedHeight = inHeight + 2 * padding;
  const paddedWidth = inWidth + 2 * padding;
  if (height > paddedHeight || width > paddedWidth) {
    throw new ShapeError(
      fn,
      `expected a crop of at most ${paddedHeight}x${paddedWidth} (input ${describeShape(images.shape)} padded by ` +
        `${padding}), got ${height}x${width}`,
    );
  }
  if (typeof random?.integer !== 'function')
    throw new ArgumentError(fn, 'expected random to be a seeded generator from createRandom(seed)');
  // One gather from the padded batch viewed as [batch * H' * W', C]: exact copies on every backend.
  const rows = new Int32Array(batch * height * width);
  let k = 0;
  for (let b = 0; b < batch; b++) {
    const top = random.integer(paddedHeight - height + 1);
    const left = random.integer(paddedWidth - width + 1);
    for (let i = 0; i < height; i++) {
      const base = (b * paddedHeight + top + i) * paddedWidth + left;
      for (let j = 0; j < width; j++) rows[k++] = base + j;
    }
  }
  const channels = images.shape[3] as number;
  return tf.tidy(() => {
    const padded =
      padding > 0
        ? tf.pad(images, [
            [0, 0],
            [padding, padding],
            [padding, padding],
            [0, 0],
          ])
        : images;
    const flat = tf.reshape(padded, [batch * paddedHeight * paddedWidth, channels]);
    return tf.reshape(tf.gather(flat, tf.tensor1d(rows, 'int32')), [batch, height, width, channels]);
  });
}

/** Validates {@link RandomCropOptions} (sizes against the input are checked by randomCrop); returns the padding. */
export function checkCropOptions(fn: string, options: RandomCropOptions | undefined, argument = 'options'): number {
  assertKnownOptions(fn, argument, options, ['height', 'width', 'padding']);
  const { padding = 0, height, width } = options ?? {};
  assertNonNegative(fn, 'padding', padding);
  if (!Number.isInteger(padding)) throw new ArgumentError(fn, `expected padding to be an integer, got ${padding}`);
  if (height !== undefined) assertPositiveInteger(fn, 'height', height);
  if (width !== undefined) assertPositiveInteger(fn, 'width', width);
  return padding;
}
