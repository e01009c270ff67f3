import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { createRandom, type SeededRandom } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { createAugmenter, randomAffine, randomCrop } from '../index.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';

/** A generator that always returns `value` from next() and `integer` from integer(): fixed draws. */
function fixed(value: number, integer = 0): SeededRandom {
  return { next: () => value, normal: () => 0, integer: () => integer, shuffle: (items) => items };
}

/** A 1x4x4x1 image with distinct pixel values 1..16. */
const ramp = (): tf.Tensor4D =>
  tf.tensor4d(
    Array.from({ length: 16 }, (_, i) => i + 1),
    [1, 4, 4, 1],
  );

describeEachBackend('augmentation', () => {
  test('randomAffine with no ranges is the identity', async () => {
    const x = ramp();
    await expectTensorsClose(randomAffine(x, {}, createRandom(1)), x);
    x.dispose();
  });

  test('a full-range draw of widthShift 0.25 on width 4 moves the picture right by 1 px', async () => {
    // next() = 1 - 2^-24 ~ 1: the draw u = 2 next() - 1 is ~ +1, tx = 0.25 * 4 = 1 pixel.
    const x = ramp();
    const y = randomAffine(x, { widthShift: 0.25, interpolation: 'nearest' }, fixed(1 - 2 ** -24));
    await expectTensorsClose(y, [
      [
        [[0], [1], [2], [3]],
        [[0], [5], [6], [7]],
        [[0], [9], [10], [11]],
        [[0], [13], [14], [15]],
      ],
    ]);
    tf.dispose([x, y]);
  });

  test('rotation 90 at a full draw turns the picture by 90 degrees; horizontal flip mirrors it', async () => {
    const x = ramp();
    const turned = randomAffine(x, { rotation: 90, interpolation: 'nearest' }, fixed(1 - 2 ** -24));
    // A quarter turn of the 4x4 grid about its centre (either sense) moves corner 1 to another corner.
    const values = Array.from(await turned.data());
    expect(new Set([values[0], values[3], values[12], values[15]])).toEqual(new Set([1, 4, 13, 16]));
    expect(values[0]).not.toBe(1);
    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const mirrored = randomAffine(x, { horizontalFlip: true }, fixed(0.25));
    await expectTensorsClose(mirrored, tf.reverse(x, 2));
    tf.dispose([x, turned, mirrored]);
  });

  test('randomCrop with padding 2 shifts by whole pixels; offset 0 moves the picture 2 px down-right', async () => {
    const x = ramp();
    const y = randomCrop(x, { padding: 2 }, fixed(0.5, 0));
    expect(y.shape).toEqual([1, 4, 4, 1]);
    await expectTensorsClose(
      y,
      tf.pad(tf.slice(x, [0, 0, 0, 0], [1, 2, 2, 1]), [
        [0, 0],
        [2, 0],
        [2, 0],
        [0, 0],
      ]),
    );
    const smaller = randomCrop(x, { height: 2, width: 3 }, fixed(0.5, 1));
    await expectTensorsClose(smaller, [
      [
        [[6], [7], [8]],
        [[10], [11], [12]],
      ],
    ]);
    tf.dispose([x, y, smaller]);
  });

  test('createAugmenter is seeded: the same seed gives the same batch, another seed another; no leaks', async () => {
    const x = tf.randomUniform([3, 8, 8, 1], 0, 1, 'float32', 2);
    const augment = createAugmenter({
      rotation: 15,
      widthShift: 0.1,
      heightShift: 0.1,
      zoom: 0.1,
      horizontalFlip: true,
      crop: { padding: 1 },
    });
    const a = augment(x, createRandom(5));
    const b = augment(x, createRandom(5));
    const c = augment(x, createRandom(6));
    await expectTensorsClose(a, b, { atol: 0, rtol: 0 });
    expect(Array.from(await a.data())).not.toEqual(Array.from(await c.data()));
    await expectNoLeakedTensors(() => augment(x, createRandom(7)));
    await expectNoLeakedTensors(() => createAugmenter({})(x, createRandom(7)));
    tf.dispose([x, a, b, c]);
  });
});

describe('augmentation bad input', () => {
  test.each([
    [
      'rotation above 180',
      () => createAugmenter({ rotation: 200 }),
      /createAugmenter: expected rotation in \[0, 180\], got 200/,
    ],
    [
      'shift of 1 (whole width)',
      () => createAugmenter({ widthShift: 1 }),
      /createAugmenter: expected widthShift in \[0, 1\), got 1/,
    ],
    ['negative zoom', () => createAugmenter({ zoom: -0.1 }), /createAugmenter: expected zoom in \[0, 1\), got -0.1/],
    [
      'flip not boolean',
      () => createAugmenter({ horizontalFlip: 'yes' as never }),
      /createAugmenter: expected horizontalFlip to be a boolean, got string/,
    ],
    [
      'fractional crop padding',
      () => createAugmenter({ crop: { padding: 1.5 } }),
      /createAugmenter: expected padding to be an integer, got 1.5/,
    ],
  ])('%s', (_label, make, message) => {
    expect(make).toThrow(message);
  });

  test.each([
    [
      'affine of rank 3',
      () => [tf.zeros([4, 4, 1])],
      (x: tf.Tensor) => randomAffine(x, {}, createRandom(1)),
      /randomAffine: expected images of rank 4, got rank 3/,
    ],
    [
      'affine without a generator',
      () => [tf.zeros([1, 4, 4, 1])],
      (x: tf.Tensor) => randomAffine(x, {}, undefined as never),
      /randomAffine: expected random to be a seeded generator from createRandom\(seed\)/,
    ],
    [
      'crop larger than the padded input',
      () => [tf.zeros([1, 4, 4, 1])],
      (x: tf.Tensor) => randomCrop(x, { height: 7, padding: 1 }, createRandom(1)),
      /randomCrop: expected a crop of at most 6x6 \(input \[1,4,4,1\] padded by 1\), got 7x4/,
    ],
  ])('%s: clear error, no tensor created', (_label, operands, call, message) => {
    expectCleanThrow(operands as () => [tf.Tensor], call, message);
  });
});
