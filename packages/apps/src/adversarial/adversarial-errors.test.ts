import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { certify } from './certify.js';
import { fgsm } from './fgsm.js';
import { onePixelAttack } from './one-pixel-attack.js';
import { pgd } from './pgd.js';
import { smoothedPredict } from './smoothed-predict.js';

const linear = (x: tf.Tensor) => tf.tidy(() => tf.matMul(tf.reshape(x, [x.shape[0] as number, -1]), tf.ones([4, 3])));
const flat = (x: tf.Tensor) => tf.reshape(x, [x.shape[0] as number, -1]); // [N, 1] on 1x1 images: K = 1
const vector = (x: tf.Tensor) => tf.sum(tf.reshape(x, [x.shape[0] as number, -1]), 1); // [N]: not [N, K]

/** Runs a failing call three times; the tensor count must not move, and the error must match. */
async function expectCleanFailure(
  call: () => Promise<unknown>,
  kind: typeof ArgumentError | typeof ShapeError,
  message: RegExp,
) {
  await expect(call()).rejects.toThrow(message);
  const before = tf.memory().numTensors;
  for (let i = 0; i < 3; i++) {
    const error = await call().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(kind.isInstance(error)).toBe(true);
  }
  expect(tf.memory().numTensors).toBe(before);
}

describeEachBackend('adversarial bad input', () => {
  test('non-finite images, pixels outside the bounds, eps < 0: named errors, nothing leaked', async () => {
    const good = tf.fill([2, 2, 2, 1], 0.5);
    const nan = tf.tensor4d([0.5, Number.NaN, 0.5, 0.5, 0.5, 0.5, 0.5, Number.POSITIVE_INFINITY], [2, 2, 2, 1]);
    const bright = tf.fill([2, 2, 2, 1], 1.5);
    try {
      await expectCleanFailure(
        () => fgsm(linear, nan, [0, 0], { epsilon: 0.1 }),
        ArgumentError,
        /fgsm: expected images to be finite, got 2 NaN or infinite values/,
      );
      await expectCleanFailure(
        () => pgd(linear, bright, [0, 0], { epsilon: 0.1 }),
        ArgumentError,
        /pgd: expected images inside the pixel bounds \[0, 1\], got values in \[1.5, 1.5\]/,
      );
      const wider = await fgsm(linear, bright, [0, 0], { epsilon: 0.1, bounds: [0, 2] }); // declared bounds: accepted
      wider.adversarial.dispose();
      await expectCleanFailure(
        () => pgd(linear, good, [0, 0], { epsilon: -0.1 }),
        ArgumentError,
        /pgd: expected options.epsilon to be a finite number >= 0, got -0.1/,
      );
      await expectCleanFailure(
        () => fgsm(linear, good, [0, 3], { epsilon: 0.1 }),
        ArgumentError,
        /fgsm: expected labels to be integers in \[0, 3\), got 3/,
      );
      await expectCleanFailure(
        () => certify(linear, nan, { sigma: 0.25 }),
        ArgumentError,
        /certify: expected images to be finite/,
      );
      await expectCleanFailure(
        () => smoothedPredict(linear, good, { sigma: 0 }),
        ArgumentError,
        /smoothedPredict: .*sigma/,
      );
    } finally {
      tf.dispose([good, nan, bright]);
    }
  });

  test('a population below 4, unknown options, a classifier whose output is not [N, K]', async () => {
    const good = tf.fill([2, 2, 2, 1], 0.5);
    const tiny = tf.fill([2, 1, 1, 1], 0.5);
    const rows = tf.fill([2, 4], 0.5);
    try {
      await expectCleanFailure(
        () => onePixelAttack(linear, good, [0, 0], { populationSize: 3 }),
        ArgumentError,
        /onePixelAttack: expected options.populationSize to be an integer >= 4, got 3/,
      );
      await expectCleanFailure(
        () => onePixelAttack(linear, good, [0, 0], { pixel: 1 } as never),
        ArgumentError,
        /onePixelAttack: .*pixel/,
      );
      await expectCleanFailure(
        () => fgsm(vector, good, [0, 0], { epsilon: 0.1 }),
        ShapeError,
        /fgsm: expected the classifier's output for 1 image\(s\) to be logits \[1, K\] with K >= 2, got shape \[1\]/,
      );
      await expectCleanFailure(
        () => pgd(flat, tiny, [0, 0], { epsilon: 0.1 }),
        ShapeError,
        /pgd: expected the classifier's output for 1 image\(s\) to be logits \[1, K\] with K >= 2, got shape \[1,1\]/,
      );
      await expectCleanFailure(
        () => onePixelAttack(linear, rows, [0, 0]),
        ShapeError,
        /onePixelAttack: expected images \[N, H, W, C\], got shape \[2,4\]/,
      );
      await expectCleanFailure(
        () => smoothedPredict(vector, good, { sigma: 0.1, samples: 4 }),
        ShapeError,
        /smoothedPredict: expected the classifier.s output for 4 image\(s\) to be logits \[4, K\]/,
      );
    } finally {
      tf.dispose([good, tiny, rows]);
    }
  });
});
