import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { describeEachBackend, checkGradients, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { conv2d, depthwiseConv2d, separableConv2d, type ConvolutionOptions } from '../index.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';

/** The depthwise filter [kh, kw, C, M] as the block-diagonal ordinary filter [kh, kw, C, C M]. */
function blockDiagonal(filter: tf.Tensor): tf.Tensor {
  const [kh, kw, c, m] = filter.shape as [number, number, number, number];
  return tf.tidy(() => {
    const eye = tf.reshape(tf.eye(c), [1, 1, c, c, 1]);
    return tf.reshape(tf.mul(eye, tf.reshape(filter, [kh, kw, c, 1, m])), [kh, kw, c, c * m]);
  });
}

const cases: [string, ConvolutionOptions][] = [
  ['valid', {}],
  ['same, stride 2', { padding: 'same', strides: 2 }],
  ['full, dilation 2', { padding: 'full', dilations: 2 }],
  ['same, stride [1, 2], dilation [2, 1]', { padding: 'same', strides: [1, 2], dilations: [2, 1] }],
];

describeEachBackend('depthwiseConv2d', () => {
  test.each(cases)('%s: values and gradients equal a block-diagonal conv2d', async (_label, options) => {
    tf.engine().startScope();
    const x = tf.randomUniform([2, 7, 6, 2], -1, 1, 'float32', 1);
    const w = tf.randomUniform([3, 2, 2, 2], -1, 1, 'float32', 2);
    const b = tf.randomUniform([4], -1, 1, 'float32', 3);
    const depthwise = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
      depthwiseConv2d(xi, wi, { ...options, bias: bi });
    const reference = (xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
      conv2d(xi, blockDiagonal(wi), { ...options, bias: bi });
    await expectTensorsClose(depthwise(x, w, b), reference(x, w, b));
    const dy = tf.randomUniform(depthwise(x, w, b).shape, -1, 1, 'float32', 4);
    const got = tf.grads(depthwise)([x, w, b], dy);
    const want = tf.grads(reference)([x, w, b], dy);
    for (let i = 0; i < 3; i++) await expectTensorsClose(got[i] as tf.Tensor, want[i] as tf.Tensor);
    tf.engine().endScope();
  });

  test('separableConv2d equals depthwise then pointwise, and its gradients pass finite differences', async () => {
    const x = tf.randomUniform([1, 5, 5, 2], -1, 1, 'float32', 5);
    const dw = tf.randomUniform([3, 3, 2, 2], -1, 1, 'float32', 6);
    const pw = tf.randomUniform([1, 1, 4, 3], -1, 1, 'float32', 7);
    const b = tf.randomUniform([3], -1, 1, 'float32', 8);
    const y = separableConv2d(x, dw, pw, { padding: 'same', bias: b });
    expect(y.shape).toEqual([1, 5, 5, 3]);
    await expectTensorsClose(y, conv2d(depthwiseConv2d(x, dw, { padding: 'same' }), pw, { bias: b }));
    await checkGradients(
      (xi, di, pi, bi) => separableConv2d(xi!, di!, pi!, { padding: 'same', dilations: 2, bias: bi! }),
      [x, dw, pw, b],
      { maxElementsPerInput: 16 },
    );
    tf.dispose([x, dw, pw, b, y]);
  });

  test('leaves no tensors behind', async () => {
    const x = tf.ones([1, 5, 5, 2]);
    const w = tf.ones([3, 3, 2, 1]);
    const p = tf.ones([1, 1, 2, 2]);
    await expectNoLeakedTensors(() =>
      tf.grads((a: tf.Tensor, k: tf.Tensor) => separableConv2d(a, k, p, { dilations: 2, padding: 'full' }))([x, w]),
    );
    tf.dispose([x, w, p]);
  });
});

describe('depthwise and separable bad input', () => {
  const x = (): tf.Tensor => tf.zeros([1, 5, 5, 2]);
  const cases: [string, () => tf.Tensor[], (...t: tf.Tensor[]) => unknown, RegExp][] = [
    [
      'depthwise channel mismatch',
      () => [x(), tf.zeros([3, 3, 3, 1])],
      (a, b) => depthwiseConv2d(a!, b!),
      /depthwiseConv2d: expected filter of shape \[kh,kw,2,\*\] to match the input's 2 channels/,
    ],
    [
      'depthwise bias size',
      () => [x(), tf.zeros([3, 3, 2, 2]), tf.zeros([2])],
      (a, b, c) => depthwiseConv2d(a!, b!, { bias: c! }),
      /depthwiseConv2d: expected bias of shape \[4\]/,
    ],
    [
      'separable pointwise not 1x1',
      () => [x(), tf.zeros([3, 3, 2, 1]), tf.zeros([3, 3, 2, 4])],
      (a, b, c) => separableConv2d(a!, b!, c!),
      /separableConv2d: expected pointwiseFilter of shape \[1,1,2,\*\], got shape \[3,3,2,4\]/,
    ],
    [
      'separable bias size',
      () => [x(), tf.zeros([3, 3, 2, 1]), tf.zeros([1, 1, 2, 4]), tf.zeros([2])],
      (a, b, c, d) => separableConv2d(a!, b!, c!, { bias: d! }),
      /separableConv2d: expected bias of shape \[4\]/,
    ],
    [
      'separable input rank 5',
      () => [tf.zeros([1, 1, 5, 5, 2]), tf.zeros([3, 3, 2, 1]), tf.zeros([1, 1, 2, 4])],
      (a, b, c) => separableConv2d(a!, b!, c!),
      /separableConv2d: expected input of rank 4, got rank 5/,
    ],
    [
      'separable kernel larger than a valid input',
      () => [x(), tf.zeros([6, 6, 2, 1]), tf.zeros([1, 1, 2, 4])],
      (a, b, c) => separableConv2d(a!, b!, c!),
      /separableConv2d: kernel 6x6 is larger than the input 5x5/,
    ],
  ];
  test.each(cases)('%s', (_label, operands, call, message) => {
    expectCleanThrow(operands, call, message);
  });
});
