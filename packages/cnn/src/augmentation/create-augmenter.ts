import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions, type SeededRandom } from '@baihua/core';
import { affineOptionKeys, checkAffineOptions, randomAffine, type RandomAffineOptions } from './random-affine.js';
import { checkCropOptions, randomCrop, type RandomCropOptions } from './random-crop.js';

/** Options of {@link createAugmenter}: an affine part and a crop part, each optional. */
export interface AugmenterOptions extends RandomAffineOptions {
  /** Random crop after the affine part (e.g. `{ padding: 2 }` for whole-pixel shifts of up to 2 px). */
  crop?: RandomCropOptions;
}

/**
 * A batch augmentation function for core's `fit({ augment })`: (x, random) -> a new tensor,
 * applying {@link randomAffine} (when any of rotation, shifts, zoom or flip is set) and then
 * {@link randomCrop} (when `crop` is given), both drawn from fit's seeded generator. Options are
 * checked once, here.
 *
 * @example
 * await fit(model, train, { loss, augment: createAugmenter({ rotation: 10, zoom: 0.1, crop: { padding: 2 } }) });
 *
 * In plain words: the seed's ImageDataGenerator: every epoch the model sees slightly different photos.
 */
export function createAugmenter(options: AugmenterOptions): (x: tf.Tensor, random: SeededRandom) => tf.Tensor {
  assertKnownOptions('createAugmenter', 'options', options, [...affineOptionKeys, 'crop']);
  const { crop, ...affine } = options ?? {};
  const checked = checkAffineOptions('createAugmenter', affine);
  const usesAffine =
    checked.rotation > 0 ||
    checked.widthShift > 0 ||
    checked.heightShift > 0 ||
    checked.zoom > 0 ||
    checked.horizontalFlip;
  if (crop !== undefined) checkCropOptions('createAugmenter', crop, 'options.crop');
  return (x, random) => {
    const moved = usesAffine ? randomAffine(x, checked, random) : x;
    if (crop === undefined) return moved === x ? tf.clone(x) : moved;
    const cropped = randomCrop(moved, crop, random);
    if (moved !== x) moved.dispose();
    return cropped;
  };
}
