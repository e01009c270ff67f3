import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { loadTorchFixture, torchFixtureNames } from '@baihua/test-fixtures';
import { conv3d, dilateFilter3d } from '../index.js';
import type { ConvPadding } from './conv-checks.js';
import type { Convolution3DOptions } from './volume-options.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';

const convCases = torchFixtureNames('conv3d').filter((name) => name.startsWith('conv3d_'));

describe('conv3d fixture coverage', () => {
  test("has 'valid', 'same' and 'full', strides 2 and dilations 2", () => {
    const cases = convCases.map((name) => loadTorchFixture('conv3d', name));
    expect([...new Set(cases.map((c) => c.get('mode')))].sort()).toEqual(['full', 'same', 'valid']);
    expect(cases.some((c) => c.number('stride') === 2)).toBe(true);
    expect(cases.some((c) => c.number('dilation') === 2)).toBe(true);
  });
});

describeEachBackend('conv3d against PyTorch', () => {
  test.each(convCases)('%s: values and gradients of input, filter and bias', async (name) => {
    const c = loadTorchFixture('conv3d', name);
    const [x, w, b, dy] = [c.tensor('x'), c.tensor('w'), c.tensor('b'), c.tensor('dy')];
    const options = {
      padding: c.get('mode') as ConvPadding,
      strides: c.number('stride'),
      dilations: c.number('dilation'),
    };
    const f = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) => conv3d(xi, wi, { ...options, bias: bi });
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

  test('dilateFilter3d spreads the taps of each axis apart with zeros', async () => {
    const w = tf.tensor5d([1, 2, 3, 4], [1, 2, 2, 1, 1]);
    const spread = dilateFilter3d(w, [3, 2, 3]);
    try {
      expect(spread.shape).toEqual([1, 3, 4, 1, 1]);
      expect(Array.from(await spread.data())).toEqual([1, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 4]);
    } finally {
      tf.dispose([w, spread]);
    }
  });

  test('strides and dilations above 1 together, mixed per axis: shapes of values and gradients', async () => {
    const x = tf.randomUniform([1, 5, 6, 5, 2], -1, 1, 'float32', 3);
    const w = tf.randomUniform([2, 3, 2, 2, 3], -1, 1, 'float32', 4);
    const options: Convolution3DOptions = { strides: [1, 2, 2], dilations: [2, 1, 2], padding: 'same' };
    const y = conv3d(x, w, options);
    const [dx, dw] = tf.grads((a: tf.Tensor, k: tf.Tensor) => conv3d(a, k, options))([x, w]);
    try {
      expect(y.shape).toEqual([1, 5, 3, 3, 3]);
      expect(dx?.shape).toEqual(x.shape);
      expect(dw?.shape).toEqual(w.shape);
    } finally {
      tf.dispose([x, w, y, dx, dw] as tf.Tensor[]);
    }
  });

  test('leaves no tensors behind, forward and backward', async () => {
    const x = tf.ones([1, 3, 4, 3, 2]);
    const w = tf.ones([2, 2, 2, 2, 2]);
    const b = tf.zeros([2]);
    await expectNoLeakedTensors(() => conv3d(x, w, { padding: 'full', dilations: 2, bias: b }));
    await expectNoLeakedTensors(() =>
      tf.grads((a: tf.Tensor, k: tf.Tensor, c: tf.Tensor) => conv3d(a, k, { padding: 'full', strides: 2, bias: c }))([
        x,
        w,
        b,
      ]),
    );
    tf.dispose([x, w, b]);
  });
});

describe('conv3d bad input', () => {
  const x = (): tf.Tensor => tf.zeros([1, 4, 5, 5, 2]);
  const w = (): tf.Tensor => tf.zeros([3, 3, 3, 2, 4]);
  const cases: [string, () => tf.Tensor[], (...t: tf.Tensor[]) => unknown, RegExp][] = [
    [
      'a rank-4 volume',
      () => [tf.zeros([4, 5, 5, 2]), w()],
      (a, b) => conv3d(a!, b!),
      /conv3d: expected input of rank 5, got rank 4 \(shape \[4,5,5,2\]\)/,
    ],
    [
      'filter rank 4',
      () => [x(), tf.zeros([3, 3, 2, 4])],
      (a, b) => conv3d(a!, b!),
      /conv3d: expected filter of rank 5/,
    ],
    [
      'channel mismatch',
      () => [x(), tf.zeros([3, 3, 3, 3, 4])],
      (a, b) => conv3d(a!, b!),
      /conv3d: expected filter of shape \[kd,kh,kw,2,\*\] to match the input's 2 channels, got filter shape \[3,3,3,3/,
    ],
    [
      'unknown option',
      () => [x(), w()],
      (a, b) => conv3d(a!, b!, { stride: 2 } as Convolution3DOptions),
      /conv3d: .*stride/,
    ],
    [
      'strides triple with a zero',
      () => [x(), w()],
      (a, b) => conv3d(a!, b!, { strides: [1, 0, 1] }),
      /conv3d: expected strides\[1\] to be a positive integer, got 0/,
    ],
    [
      'strides of two numbers',
      () => [x(), w()],
      (a, b) => conv3d(a!, b!, { strides: [2, 2] as unknown as [number, number, number] }),
      /conv3d: expected strides to be a positive integer or a \[depth, height, width\] triple, got \[2,2\]/,
    ],
    [
      'kernel deeper than a valid input',
      () => [x(), tf.zeros([5, 3, 3, 2, 1])],
      (a, b) => conv3d(a!, b!),
      /conv3d: kernel 5x3x3 is larger than the input 4x5x5 .* with padding 'valid'/,
    ],
    [
      'dilated kernel larger than a valid input',
      () => [x(), tf.zeros([2, 2, 2, 2, 1])],
      (a, b) => conv3d(a!, b!, { dilations: [4, 1, 1] }),
      /conv3d: effective kernel 5x2x2 \(kernel 2x2x2, dilations 4x1x1\) is larger than the input 4x5x5/,
    ],
    [
      'unknown padding',
      () => [x(), w()],
      (a, b) => conv3d(a!, b!, { padding: 'causal' as ConvPadding }),
      /conv3d: expected padding to be one of 'valid', 'same', 'full', got "causal"/,
    ],
    [
      'bias of the wrong size',
      () => [x(), w(), tf.zeros([3])],
      (a, b, c) => conv3d(a!, b!, { bias: c! }),
      /conv3d: expected bias of shape \[4\] \(the filter's output channels\), got shape \[3\]/,
    ],
    [
      'dilateFilter3d of a 2-D filter',
      () => [tf.zeros([3, 3, 2, 4])],
      (a) => dilateFilter3d(a!, 2),
      /dilateFilter3d: expected filter of rank 5, got rank 4/,
    ],
    [
      'dilateFilter3d with a pair of dilations',
      () => [w()],
      (a) => dilateFilter3d(a!, [2, 2] as unknown as [number, number, number]),
      /dilateFilter3d: expected dilations to be a positive integer or a \[depth, height, width\] triple, got \[2,2\]/,
    ],
  ];
  test.each(cases)('%s: a clear error, thrown before any tensor is created', (_label, operands, call, message) => {
    expectCleanThrow(operands, call, message);
    expectCleanThrow(operands, call, message);
  });
});
