import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { conv2d } from '../index.js';
import type { ConvPadding } from './conv-checks.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';
import { loadTorchFixture, torchFixtureNames } from '@baihua/test-fixtures';

const convCases = torchFixtureNames('convPool').filter((name) => name.startsWith('conv2d_'));

describe('convPool fixture coverage', () => {
  test('has every conv mode, a stride, a dilation, odd and even kernels', () => {
    const modes = new Set(convCases.map((name) => loadTorchFixture('convPool', name).get('mode')));
    expect([...modes].sort()).toEqual(['full', 'same', 'valid']);
    expect(convCases.some((name) => loadTorchFixture('convPool', name).number('stride') > 1)).toBe(true);
    expect(convCases.some((name) => loadTorchFixture('convPool', name).number('dilation') > 1)).toBe(true);
    expect(convCases.length).toBeGreaterThanOrEqual(13);
  });
});

describeEachBackend('conv2d against PyTorch', () => {
  test.each(convCases)('%s: values and gradients of input, filter and bias', async (name) => {
    const c = loadTorchFixture('convPool', name);
    const [x, w, b, dy] = [c.tensor('x'), c.tensor('w'), c.tensor('b'), c.tensor('dy')];
    const options = {
      padding: c.get('mode') as ConvPadding,
      strides: c.number('stride'),
      dilations: c.number('dilation'),
    };
    const f = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) => conv2d(xi, wi, { ...options, bias: bi });
    const y = f(x, w, b);
    const [dx, dw, db] = tf.grads(f)([x, w, b], dy);
    await expectTensorsClose(y, c.spec('y'));
    await expectTensorsClose(dx as tf.Tensor, c.spec('dx'));
    await expectTensorsClose(dw as tf.Tensor, c.spec('dw'));
    await expectTensorsClose(db as tf.Tensor, c.spec('db'));
    tf.dispose([x, w, b, dy, y, dx, dw, db] as tf.Tensor[]);
  });

  test('dilation and stride together (tfjs refuses both > 1): matches the zero-dilated filter', async () => {
    const x = tf.randomUniform([1, 9, 8, 2], -1, 1, 'float32', 3);
    const w = tf.randomUniform([3, 2, 2, 3], -1, 1, 'float32', 4);
    const y = conv2d(x, w, { strides: 2, dilations: [2, 3], padding: 'same' });
    expect(y.shape).toEqual([1, 5, 4, 3]);
    const [dx, dw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      conv2d(a, b, { strides: 2, dilations: [2, 3], padding: 'same' }),
    )([x, w]);
    expect(dx?.shape).toEqual(x.shape);
    expect(dw?.shape).toEqual(w.shape);
    tf.dispose([x, w, y, dx, dw] as tf.Tensor[]);
  });

  test("'full' on a 28x28 digit gives 32x32 (the seed's table misprints N+Kw+1)", async () => {
    const y = conv2d(tf.ones([1, 28, 28, 1]), tf.ones([5, 5, 1, 2]), { padding: 'full' });
    expect(y.shape).toEqual([1, 32, 32, 2]);
    // Corner output sees exactly one input pixel, the centre sees 25.
    const values = await y.data();
    expect(values[0]).toBeCloseTo(1);
    expect(values[(16 * 32 + 16) * 2]).toBeCloseTo(25);
    y.dispose();
  });

  test('leaves no tensors behind, forward and backward', async () => {
    const x = tf.ones([1, 6, 6, 2]);
    const w = tf.ones([3, 3, 2, 2]);
    const b = tf.zeros([2]);
    await expectNoLeakedTensors(() => conv2d(x, w, { padding: 'full', dilations: 2, bias: b }));
    await expectNoLeakedTensors(() =>
      tf.grads((a: tf.Tensor, k: tf.Tensor) => conv2d(a, k, { dilations: 2, padding: 'same' }))([x, w]),
    );
    tf.dispose([x, w, b]);
  });
});

describe('conv2d bad input', () => {
  const x = (): tf.Tensor => tf.zeros([1, 5, 5, 2]);
  const w = (): tf.Tensor => tf.zeros([3, 3, 2, 4]);
  const cases: [string, () => tf.Tensor[], (...t: tf.Tensor[]) => unknown, RegExp][] = [
    [
      'input rank 3',
      () => [tf.zeros([28, 28, 1]), w()],
      (a, b) => conv2d(a!, b!),
      /conv2d: expected input of rank 4, got rank 3 \(shape \[28,28,1\]\)/,
    ],
    [
      'filter rank 2',
      () => [x(), tf.zeros([3, 3])],
      (a, b) => conv2d(a!, b!),
      /conv2d: expected filter of rank 4, got rank 2/,
    ],
    [
      'channel mismatch',
      () => [x(), tf.zeros([3, 3, 3, 4])],
      (a, b) => conv2d(a!, b!),
      /conv2d: expected filter of shape \[kh,kw,2,\*\] to match the input's 2 channels, got filter shape \[3,3,3,4\]/,
    ],
    [
      'kernel larger than a valid input',
      () => [x(), tf.zeros([6, 3, 2, 1])],
      (a, b) => conv2d(a!, b!),
      /conv2d: kernel 6x3 is larger than the input 5x5 .* with padding 'valid'/,
    ],
    [
      'dilated kernel larger than a valid input',
      () => [x(), w()],
      (a, b) => conv2d(a!, b!, { dilations: 3 }),
      /conv2d: effective kernel 7x7 \(kernel 3x3, dilations 3x3\) is larger than the input 5x5/,
    ],
    [
      'stride 0',
      () => [x(), w()],
      (a, b) => conv2d(a!, b!, { strides: 0 }),
      /conv2d: expected strides to be a positive integer, got 0/,
    ],
    [
      'negative stride in a pair',
      () => [x(), w()],
      (a, b) => conv2d(a!, b!, { strides: [1, -2] }),
      /conv2d: expected strides\[1\] to be a positive integer, got -2/,
    ],
    [
      'dilation 0',
      () => [x(), w()],
      (a, b) => conv2d(a!, b!, { dilations: 0 }),
      /conv2d: expected dilations to be a positive integer, got 0/,
    ],
    [
      'fractional dilation',
      () => [x(), w()],
      (a, b) => conv2d(a!, b!, { dilations: 1.5 }),
      /conv2d: expected dilations to be a positive integer, got 1.5/,
    ],
    [
      'unknown padding',
      () => [x(), w()],
      (a, b) => conv2d(a!, b!, { padding: 'causal' as ConvPadding }),
      /conv2d: expected padding to be one of 'valid', 'same', 'full', got "causal"/,
    ],
    [
      'bias of the wrong size',
      () => [x(), w(), tf.zeros([3])],
      (a, b, c) => conv2d(a!, b!, { bias: c! }),
      /conv2d: expected bias of shape \[4\] \(the filter's output channels\), got shape \[3\]/,
    ],
    [
      'bias of rank 2',
      () => [x(), w(), tf.zeros([1, 4])],
      (a, b, c) => conv2d(a!, b!, { bias: c! }),
      /conv2d: expected bias of rank 1, got rank 2/,
    ],
  ];
  test.each(cases)('%s: a clear error, thrown before any tensor is created', (_label, operands, call, message) => {
    expectCleanThrow(operands, call, message);
  });
});
