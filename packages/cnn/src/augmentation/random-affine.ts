import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  assertFiniteNumber,
  assertInRange,
  assertKnownOptions,
  assertOneOf,
  assertRank,
  type SeededRandom,
} from '@baihua/core';

/** Options of {@link randomAffine}; every range is symmetric around "no change". */
export interface RandomAffineOptions {
  /** Rotate by an angle drawn uniformly from [-rotation, rotation] degrees. Default 0. */
  rotation?: number;
  /** Shift left/right by up to this fraction of the width (0.0625 of 32 px = 2 px). Default 0. */
  widthShift?: number;
  /** Shift up/down by up to this fraction of the height. Default 0. */
  heightShift?: number;
  /** Scale the content by a factor drawn from [1 - zoom, 1 + zoom] (> 1 enlarges). Default 0. */
  zoom?: number;
  /** Mirror left-right with probability 1/2. Default false. */
  horizontalFlip?: boolean;
  /** Default 'bilinear'. */
  interpolation?: 'bilinear' | 'nearest';
  /** Value of pixels that come from outside the image. Default 0. */
  fillValue?: number;
}

/**
 * Random affine augmentation of a batch of NHWC images, one draw per image from the seeded
 * generator (the same numbers on every backend). With c the image centre, each image is
 * p_out = s R(theta) (F(p_in) - c) + c + t (F the optional mirror), sampled backwards with
 * tf.image.transform. Input [batch, H, W, C] -> same shape. Not differentiated (use it on data).
 *
 * @example
 * const rng = createRandom(1);
 * const moved = randomAffine(images, { rotation: 10, widthShift: 0.1, heightShift: 0.1, zoom: 0.1 }, rng);
 *
 * In plain words: the guard trains on photos taken a little tilted, shifted and closer, so a
 * slightly different photo on the day does not fool him.
 */
export function randomAffine(images: tf.Tensor, options: RandomAffineOptions, random: SeededRandom): tf.Tensor4D {
  const fn = 'randomAffine';
  assertRank(fn, 'images', images, 4);
  const { rotation, widthShift, heightShift, zoom, horizontalFlip, interpolation, fillValue } = checkAffineOptions(
    fn,
    options,
  );
  if (typeof random?.next !== 'function')
    throw new ArgumentError(fn, 'expected random to be a seeded generator from createRandom(seed)');
  const [batch, height, width] = images.shape as [number, number, number, number];
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const uniform = (): number => random.next() * 2 - 1;
  const transforms = new Float32Array(batch * 8);
  for (let i = 0; i < batch; i++) {
    const theta = (uniform() * rotation * Math.PI) / 180;
    const tx = uniform() * widthShift * width;
    const ty = uniform() * heightShift * height;
    const scale = 1 + uniform() * zoom;
    const flip = horizontalFlip && random.next() < 0.5;
    // Inverse map (output -> input): p_in = A (p_out - c - t) + c, A = R(-theta) / s.
    const cos = Math.cos(theta) / scale;
    const sin = Math.sin(theta) / scale;
    let a = [cos, sin, cx - (cos * (cx + tx) + sin * (cy + ty))];
    const b = [-sin, cos, cy - (-sin * (cx + tx) + cos * (cy + ty))];
    if (flip) a = [-(a[0] as number), -(a[1] as number), width - 1 - (a[2] as number)];
    transforms.set([...a, ...b, 0, 0], i * 8);
  }
  return tf.tidy(() =>
    tf.image.transform(
      images as tf.Tensor4D,
      tf.tensor2d(transforms, [batch, 8]),
      interpolation,
      'constant',
      fillValue,
    ),
  );
}

/** The keys of {@link RandomAffineOptions}. */
export const affineOptionKeys: readonly string[] = [
  'rotation',
  'widthShift',
  'heightShift',
  'zoom',
  'horizontalFlip',
  'interpolation',
  'fillValue',
];

/** Validates {@link RandomAffineOptions} (keys too) and fills in the defaults. */
export function checkAffineOptions(
  fn: string,
  options: RandomAffineOptions | undefined,
): Required<RandomAffineOptions> {
  assertKnownOptions(fn, 'options', options, affineOptionKeys);
  const {
    rotation = 0,
    widthShift = 0,
    heightShift = 0,
    zoom = 0,
    horizontalFlip = false,
    interpolation = 'bilinear',
    fillValue = 0,
  } = options ?? {};
  assertInRange(fn, 'rotation', rotation, { min: 0, max: 180 });
  assertInRange(fn, 'widthShift', widthShift, { min: 0, max: 1, maxExclusive: true });
  assertInRange(fn, 'heightShift', heightShift, { min: 0, max: 1, maxExclusive: true });
  assertInRange(fn, 'zoom', zoom, { min: 0, max: 1, maxExclusive: true });
  assertFiniteNumber(fn, 'fillValue', fillValue);
  assertOneOf(fn, 'interpolation', interpolation, ['bilinear', 'nearest']);
  if (typeof horizontalFlip !== 'boolean')
    throw new ArgumentError(fn, `expected horizontalFlip to be a boolean, got ${typeof horizontalFlip}`);
  return { rotation, widthShift, heightShift, zoom, horizontalFlip, interpolation, fillValue };
}
