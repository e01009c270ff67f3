import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import {
  expectCloseThenDispose,
  expectFiniteLossAndGradients,
  expectLossAndGradients,
  readScalar,
} from '../test/loss-and-gradients.js';
import { validateClassLabels } from './class-labels.js';
import { softmaxCrossEntropy } from './softmax-cross-entropy.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

describeEachBackend('softmaxCrossEntropy', () => {
  const cases = [
    ['softmaxCrossEntropy_mean', {}],
    ['softmaxCrossEntropy_labelSmoothing0.1', { labelSmoothing: 0.1 }],
    ['softmaxCrossEntropy_labelSmoothing0.2', { labelSmoothing: 0.2 }],
  ] as const;
  for (const [name, options] of cases) {
    test(`matches PyTorch: ${name}`, async () => {
      const c = loadTorchFixture('losses', name);
      const labels = tf.tensor1d(c.get('labels') as number[], 'int32');
      const logits = c.tensor('logits');
      await expectLossAndGradients((z) => softmaxCrossEntropy(labels, z, options), [logits], {
        value: c.number('loss'),
        gradients: [c.spec('dlogits')],
      });
      tf.dispose([labels, logits]);
    });
  }

  test('matches PyTorch: class weights (weighted mean sum w[y] ce / sum w[y])', async () => {
    const c = loadTorchFixture('losses', 'softmaxCrossEntropy_classWeights');
    const labels = tf.tensor1d(c.get('labels') as number[], 'int32');
    const logits = c.tensor('logits');
    const weights = c.get('classWeights') as number[];
    await expectLossAndGradients((z) => softmaxCrossEntropy(labels, z, { classWeights: weights }), [logits], {
      value: c.number('loss'),
      gradients: [c.spec('dlogits')],
    });
    const weightTensor = tf.tensor1d(weights);
    await expectCloseThenDispose(softmaxCrossEntropy(labels, logits, { classWeights: weightTensor }), c.number('loss'));
    tf.dispose([labels, logits, weightTensor]);
  });

  test('index labels, index arrays and one-hot rows agree (also with smoothing and weights)', async () => {
    const c = loadTorchFixture('losses', 'softmaxCrossEntropy_classWeights');
    const indexArray = c.get('labels') as number[];
    const labels = tf.tensor1d(indexArray, 'int32');
    const oneHot = tf.cast(tf.oneHot(labels, 5), 'float32');
    const logits = c.tensor('logits');
    const options = {
      labelSmoothing: 0.1,
      classWeights: c.get('classWeights') as number[],
      reduction: 'none' as const,
    };
    const expected = softmaxCrossEntropy(labels, logits, options);
    await expectCloseThenDispose(softmaxCrossEntropy(oneHot, logits, options), expected);
    await expectCloseThenDispose(softmaxCrossEntropy(indexArray, logits, options), expected);
    tf.dispose([labels, oneHot, logits, expected]);
  });

  test("reductions: 'sum' is N x 'mean', 'none' has one loss per row", async () => {
    const logits = tf.tensor2d([
      [1, 2, 3],
      [0, 0, 5],
      [-1, 4, 0],
    ]);
    const mean = await readScalar(softmaxCrossEntropy([2, 0, 1], logits));
    const sum = await readScalar(softmaxCrossEntropy([2, 0, 1], logits, { reduction: 'sum' }));
    const none = softmaxCrossEntropy([2, 0, 1], logits, { reduction: 'none' });
    expect(none.shape).toEqual([3]);
    expect(sum).toBeCloseTo(3 * mean, 4);
    // Hand-computed: -ln softmax([1,2,3])[2] = ln(e^-2 + e^-1 + 1).
    expect((await none.data())[0]).toBeCloseTo(Math.log(Math.exp(-2) + Math.exp(-1) + 1), 5);
    tf.dispose([logits, none]);
  });

  test('the gradient is softmax(z) - t exactly (seed: dE/dz_k = y^_k - t_k)', async () => {
    const logits = tf.tensor2d([[0.5, -1, 2]]);
    const grad = tf.grad((z: tf.Tensor) => softmaxCrossEntropy([1], z, { reduction: 'sum' }))(logits);
    const expected = tf.sub(tf.softmax(logits), tf.tensor2d([[0, 1, 0]]));
    await expectTensorsClose(grad, expected, { atol: 1e-7, rtol: 1e-6 });
    tf.dispose([logits, grad, expected]);
  });

  test('property: label smoothing 0 equals plain cross-entropy; losses are >= 0', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.float({ min: -20, max: 20, noNaN: true }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 3 }),
        fc.float({ min: 0, max: Math.fround(0.99), noNaN: true }),
        async (values, label, smoothing) => {
          const logits = tf.tensor2d(values, [2, 4]);
          const plain = await readScalar(softmaxCrossEntropy([label, 3 - label], logits));
          const zero = await readScalar(softmaxCrossEntropy([label, 3 - label], logits, { labelSmoothing: 0 }));
          const smoothed = await readScalar(
            softmaxCrossEntropy([label, 3 - label], logits, { labelSmoothing: smoothing }),
          );
          logits.dispose();
          expect(zero).toBe(plain);
          expect(plain).toBeGreaterThanOrEqual(0);
          expect(smoothed).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 8 },
    );
  });

  test('logits of +/-1e4: finite value and gradient', async () => {
    const logits = tf.tensor2d([
      [1e4, -1e4, 0],
      [-1e4, 1e4, 1e4],
    ]);
    const value = await expectFiniteLossAndGradients(
      (z) => softmaxCrossEntropy([1, 0], z, { labelSmoothing: 0.1, classWeights: [1, 2, 3] }),
      [logits],
    );
    expect(value).toBeGreaterThan(1e3);
    logits.dispose();
  });

  test('leaves no tensors behind, gradient included', async () => {
    const logits = tf.tensor2d([
      [1, 2, 3],
      [0, 0, 5],
    ]);
    const labels = tf.tensor1d([2, 0], 'int32');
    await expectNoLeakedTensors(() =>
      softmaxCrossEntropy(labels, logits, { labelSmoothing: 0.1, classWeights: [1, 2, 3] }),
    );
    await expectNoLeakedTensors(() =>
      tf.grad((z: tf.Tensor) => softmaxCrossEntropy(labels, z, { labelSmoothing: 0.2 }))(logits),
    );
    tf.dispose([logits, labels]);
  });

  test('bad input: clear errors, thrown before any tensor is created', async () => {
    const logits = tf.tensor2d([
      [1, 2, 3],
      [0, 0, 5],
    ]);
    const before = tf.memory().numTensors;
    const vector = tf.tensor1d([1, 2]);
    expect(() => softmaxCrossEntropy([0, 1], vector)).toThrow(
      /softmaxCrossEntropy: expected logits of rank 2, got rank 1/,
    );
    expect(() => softmaxCrossEntropy([0, 3], logits)).toThrow(
      /softmaxCrossEntropy: expected labels\[1\] to be a class index in \[0, 2\], got 3/,
    );
    expect(() => softmaxCrossEntropy([0], logits)).toThrow(/expected labels of length 2/);
    const floatIndices = tf.tensor1d([0, 1]);
    expect(() => softmaxCrossEntropy(floatIndices, logits)).toThrow(
      /expected labels \(class indices\) of dtype int32, got float32/,
    );
    const wrongRows = tf.zeros([2, 4]);
    expect(() => softmaxCrossEntropy(wrongRows, logits)).toThrow(/expected labels of shape \[2,3\].*got \[2,4\]/);
    expect(() => softmaxCrossEntropy([0, 1], logits, { labelSmoothing: 1 })).toThrow(
      /expected labelSmoothing in \[0, 1\), got 1/,
    );
    expect(() => softmaxCrossEntropy([0, 1], logits, { labelSmoothing: -0.1 })).toThrow(/labelSmoothing in \[0, 1\)/);
    expect(() => softmaxCrossEntropy([0, 1], logits, { classWeights: [1, 2] })).toThrow(
      /expected classWeights of length 3/,
    );
    expect(() => softmaxCrossEntropy([0, 1], logits, { classWeights: [1, -2, 1] })).toThrow(
      /classWeights\[1\] >= 0, got -2/,
    );
    expect(() => softmaxCrossEntropy([0, 1], logits, { reduction: 'avg' as never })).toThrow(
      /expected reduction to be one of 'mean', 'sum', 'none', got "avg"/,
    );
    expect(tf.memory().numTensors).toBe(before + 3); // only the three test inputs made above
    tf.dispose([logits, vector, floatIndices, wrongRows]);
  });

  test('validateClassLabels reads tensors asynchronously and rejects bad values', async () => {
    const good = tf.tensor1d([0, 2], 'int32');
    const bad = tf.tensor1d([0, 3], 'int32');
    const rows = tf.tensor2d([
      [0.5, 0.5, 0],
      [0.2, 0.2, 0.2],
    ]);
    await validateClassLabels(good, 3);
    await expect(validateClassLabels(bad, 3)).rejects.toThrow(
      /validateClassLabels: expected labels\[1\] to be a class index in \[0, 2\], got 3/,
    );
    await expect(validateClassLabels(rows, 3)).rejects.toThrow(/labels row 1 to sum to 1/);
    tf.dispose([good, bad, rows]);
  });
});
