import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { loadTorchFixture, torchFixtureNames } from '@baihua/test-fixtures';
import { conv3d, conv3dTranspose } from '../index.js';
import type { PoolPadding } from './conv-checks.js';
import type { Conv3DTransposeOptions } from './volume-options.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';

const transposeCases = torchFixtureNames('volumeOps').filter((name) => name.startsWith('conv3dTranspose_'));

describe('conv3dTranspose fixture coverage', () => {
  test("'valid' with strides 1 and 2, 'same' with stride 2", () => {
    expect(transposeCases.sort()).toEqual([
      'conv3dTranspose_same_s2',
      'conv3dTranspose_valid_s1',
      'conv3dTranspose_valid_s2',
    ]);
  });
});

describeEachBackend('conv3dTranspose against PyTorch', () => {
  test.each(transposeCases)('%s: values and gradients of input, filter and bias', async (name) => {
    const c = loadTorchFixture('volumeOps', name);
    const [x, w, b, dy] = [c.tensor('x'), c.tensor('w'), c.tensor('b'), c.tensor('dy')];
    const options = { padding: c.get('mode') as PoolPadding, strides: c.number('stride') };
    const f = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) => conv3dTranspose(xi, wi, { ...options, bias: bi });
    const y = f(x, w, b);
    const [dx, dw, db] = tf.grads(f)([x, w, b], dy);
    try {
      await expectTensorsClose(y, c.spec('y'));
      await expectTensorsClose(dx as tf.Tensor, c.spec('dx'));
      await expectTensorsClose(dw as tf.Tensor, c.spec('dw'));
      await expectTensorsClose(db as tf.Tensor, c.spec('db'));
    } finally {
      tf.dispose([x, w, b, dy, y, dx, dw, db] as tf.Tensor[]);
    }
  });

  test('no bias: the adjoint of conv3d, <conv3dTranspose(x), u> = <x, conv3d(u)>, and both gradients', async () => {
    const x = tf.randomUniform([1, 2, 3, 2, 3], -1, 1, 'float32', 7);
    const w = tf.randomUniform([3, 2, 3, 2, 3], -1, 1, 'float32', 8);
    const options: Conv3DTransposeOptions = { strides: [2, 1, 2], padding: 'same' };
    const y = conv3dTranspose(x, w, options);
    const u = tf.randomUniform(y.shape, -1, 1, 'float32', 9);
    const left = tf.sum(tf.mul(y, u));
    const right = tf.sum(tf.mul(x, conv3d(u, w, options)));
    const [dx, dw] = tf.grads((a: tf.Tensor, k: tf.Tensor) => conv3dTranspose(a, k, options))([x, w]);
    try {
      expect(y.shape).toEqual([1, 4, 3, 4, 2]);
      expect((await left.data())[0]).toBeCloseTo((await right.data())[0] as number, 4);
      expect(dx?.shape).toEqual(x.shape);
      expect(dw?.shape).toEqual(w.shape);
    } finally {
      tf.dispose([x, w, y, u, left, right, dx, dw] as tf.Tensor[]);
    }
  });

  test('leaves no tensors behind, forward and backward', async () => {
    const x = tf.ones([1, 2, 2, 2, 2]);
    const w = tf.ones([2, 2, 2, 3, 2]);
    const b = tf.zeros([3]);
    await expectNoLeakedTensors(() => conv3dTranspose(x, w, { strides: 2, bias: b }));
    await expectNoLeakedTensors(() => conv3dTranspose(x, w, { padding: 'same' }));
    await expectNoLeakedTensors(() =>
      tf.grads((a: tf.Tensor, k: tf.Tensor, c: tf.Tensor) => conv3dTranspose(a, k, { strides: 2, bias: c }))([x, w, b]),
    );
    await expectNoLeakedTensors(() => tf.grads((a: tf.Tensor, k: tf.Tensor) => conv3dTranspose(a, k))([x, w]));
    tf.dispose([x, w, b]);
  });
});

describe('conv3dTranspose bad input', () => {
  const x = (): tf.Tensor => tf.zeros([1, 2, 3, 3, 4]);
  const w = (): tf.Tensor => tf.zeros([2, 2, 2, 3, 4]);
  const cases: [string, () => tf.Tensor[], (...t: tf.Tensor[]) => unknown, RegExp][] = [
    [
      'a rank-4 volume',
      () => [tf.zeros([2, 3, 3, 4]), w()],
      (a, b) => conv3dTranspose(a!, b!),
      /conv3dTranspose: expected input of rank 5, got rank 4 \(shape \[2,3,3,4\]\)/,
    ],
    [
      'channel mismatch (filter in conv3d order)',
      () => [x(), tf.zeros([2, 2, 2, 4, 3])],
      (a, b) => conv3dTranspose(a!, b!),
      /conv3dTranspose: expected filter of shape \[kd,kh,kw,\*,4\] to match the input's 4 channels/,
    ],
    [
      'unknown option',
      () => [x(), w()],
      (a, b) => conv3dTranspose(a!, b!, { dilations: 2 } as Conv3DTransposeOptions),
      /conv3dTranspose: .*dilations/,
    ],
    [
      'strides triple with a negative',
      () => [x(), w()],
      (a, b) => conv3dTranspose(a!, b!, { strides: [2, -1, 2] }),
      /conv3dTranspose: expected strides\[1\] to be a positive integer, got -1/,
    ],
    [
      "padding 'full'",
      () => [x(), w()],
      (a, b) => conv3dTranspose(a!, b!, { padding: 'full' as PoolPadding }),
      /conv3dTranspose: expected padding to be one of 'valid', 'same', got "full"/,
    ],
    [
      'bias of the input channels',
      () => [x(), w(), tf.zeros([4])],
      (a, b, c) => conv3dTranspose(a!, b!, { bias: c! }),
      /conv3dTranspose: expected bias of shape \[3\] \(the filter's output channels, its axis 3\), got shape \[4\]/,
    ],
  ];
  test.each(cases)('%s: a clear error, thrown before any tensor is created', (_label, operands, call, message) => {
    expectCleanThrow(operands, call, message);
    expectCleanThrow(operands, call, message);
  });
});
