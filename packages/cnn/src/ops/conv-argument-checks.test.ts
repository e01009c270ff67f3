// Refusals of the 2-D convolution ops and of convOutputSize that no other test reached (found by
// mutation testing): each names the function and the argument, and creates no tensor.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';
import { conv2d } from './conv2d.js';
import { convOutputSize } from './conv-output-size.js';
import { depthwiseConv2d } from './depthwise-conv2d.js';
import { dilateFilter } from './dilate-filter.js';
import { separableConv2d } from './separable-conv2d.js';

const x = (): tf.Tensor => tf.zeros([1, 5, 5, 2]);
const dwf = (): tf.Tensor => tf.zeros([3, 3, 2, 1]);
type Case = [string, () => tf.Tensor[], (...t: tf.Tensor[]) => unknown, RegExp];

const cases: Case[] = [
  [
    'strides of three numbers',
    () => [x(), tf.zeros([3, 3, 2, 1])],
    (a, b) => conv2d(a!, b!, { strides: [1, 1, 1] as never }),
    /^conv2d: expected strides to be a positive integer or a \[height, width\] pair, got \[1,1,1\]/,
  ],
  [
    'strides[0] 0',
    () => [x(), tf.zeros([3, 3, 2, 1])],
    (a, b) => conv2d(a!, b!, { strides: [0, 1] }),
    /^conv2d: expected strides\[0\] to be a positive integer, got 0/,
  ],
  [
    'kernel wider than a valid input',
    () => [tf.zeros([1, 5, 2, 2]), tf.zeros([1, 3, 2, 1])],
    (a, b) => conv2d(a!, b!),
    /^conv2d: kernel 1x3 is larger than the input 5x2 .* with padding 'valid'/,
  ],
  [
    'dilated along the height only',
    () => [x(), tf.zeros([3, 1, 2, 1])],
    (a, b) => conv2d(a!, b!, { dilations: [3, 1] }),
    /^conv2d: effective kernel 7x1 \(kernel 3x1, dilations 3x1\) is larger than the input 5x5/,
  ],
  [
    'dilated along the width only',
    () => [x(), tf.zeros([1, 3, 2, 1])],
    (a, b) => conv2d(a!, b!, { dilations: [1, 3] }),
    /^conv2d: effective kernel 1x7 \(kernel 1x3, dilations 1x3\) is larger than the input 5x5/,
  ],
  [
    'depthwise strides 0',
    () => [x(), dwf()],
    (a, b) => depthwiseConv2d(a!, b!, { strides: 0 }),
    /^depthwiseConv2d: expected strides to be a positive integer, got 0/,
  ],
  [
    'depthwise dilations 0',
    () => [x(), dwf()],
    (a, b) => depthwiseConv2d(a!, b!, { dilations: 0 }),
    /^depthwiseConv2d: expected dilations to be a positive integer, got 0/,
  ],
  [
    'depthwise bias of rank 2',
    () => [x(), dwf(), tf.zeros([1, 2])],
    (a, b, c) => depthwiseConv2d(a!, b!, { bias: c! }),
    /^depthwiseConv2d: expected bias of rank 1, got rank 2/,
  ],
  [
    'depthwise bias size',
    () => [x(), dwf(), tf.zeros([3])],
    (a, b, c) => depthwiseConv2d(a!, b!, { bias: c! }),
    /^depthwiseConv2d: expected bias of shape \[2\] \(channels x multiplier\), got shape \[3\]$/,
  ],
  [
    'separable depthwise filter channels',
    () => [x(), tf.zeros([3, 3, 3, 1]), tf.zeros([1, 1, 3, 4])],
    (a, b, c) => separableConv2d(a!, b!, c!),
    /^separableConv2d: expected depthwiseFilter of shape \[kh,kw,2,\*\]/,
  ],
  [
    'separable pointwise rank 3',
    () => [x(), dwf(), tf.zeros([1, 2, 4])],
    (a, b, c) => separableConv2d(a!, b!, c!),
    /^separableConv2d: expected pointwiseFilter of rank 4, got rank 3/,
  ],
  [
    'separable pointwise 2 high',
    () => [x(), dwf(), tf.zeros([2, 1, 2, 4])],
    (a, b, c) => separableConv2d(a!, b!, c!),
    /^separableConv2d: expected pointwiseFilter of shape \[1,1,2,\*\], got shape \[2,1,2,4\]/,
  ],
  [
    'separable pointwise 2 wide',
    () => [x(), dwf(), tf.zeros([1, 2, 2, 4])],
    (a, b, c) => separableConv2d(a!, b!, c!),
    /^separableConv2d: expected pointwiseFilter of shape \[1,1,2,\*\], got shape \[1,2,2,4\]/,
  ],
  [
    'separable pointwise channels',
    () => [x(), dwf(), tf.zeros([1, 1, 3, 4])],
    (a, b, c) => separableConv2d(a!, b!, c!),
    /^separableConv2d: expected pointwiseFilter of shape \[1,1,2,\*\], got shape \[1,1,3,4\]/,
  ],
  [
    'separable bias of rank 2',
    () => [x(), dwf(), tf.zeros([1, 1, 2, 4]), tf.zeros([4, 1])],
    (a, b, c, d) => separableConv2d(a!, b!, c!, { bias: d! }),
    /^separableConv2d: expected bias of rank 1, got rank 2/,
  ],
  [
    'separable bias size',
    () => [x(), dwf(), tf.zeros([1, 1, 2, 4]), tf.zeros([2])],
    (a, b, c, d) => separableConv2d(a!, b!, c!, { bias: d! }),
    /^separableConv2d: expected bias of shape \[4\] \(the pointwise filter's output channels\), got shape \[2\]$/,
  ],
  [
    'dilateFilter of rank 3',
    () => [tf.zeros([3, 3, 2])],
    (a) => dilateFilter(a!, 2),
    /^dilateFilter: expected filter of rank 4, got rank 3/,
  ],
  [
    'dilateFilter dilations 0',
    () => [dwf()],
    (a) => dilateFilter(a!, 0),
    /^dilateFilter: expected dilations to be a positive integer, got 0/,
  ],
];

describe('2-D convolution refusals', () => {
  test.each(cases)('%s', (_label, operands, call, message) => {
    expectCleanThrow(operands, call, message);
  });
});

describe('convOutputSize', () => {
  test("default padding 'valid': n - k + 1", () => {
    expect(convOutputSize(10, 3)).toBe(8);
    expect(convOutputSize(3, 3)).toBe(1);
  });

  test('refusals name the argument', () => {
    expect(() => convOutputSize(2, 3)).toThrow(
      /^convOutputSize: expected the effective kernel size 3 to be at most the input size 2 with padding 'valid'$/,
    );
    expect(() => convOutputSize(4, 2, { dilation: 4 })).toThrow(
      /effective kernel size 5 to be at most the input size 4/,
    );
    expect(() => convOutputSize(0, 3)).toThrow(/^convOutputSize: expected inputSize to be a positive integer, got 0$/);
    expect(() => convOutputSize(5, 1.5)).toThrow(
      /^convOutputSize: expected kernelSize to be a positive integer, got 1.5$/,
    );
    expect(() => convOutputSize(5, 3, { stride: 0 })).toThrow(
      /^convOutputSize: expected stride to be a positive integer/,
    );
    expect(() => convOutputSize(5, 3, { dilation: -1 })).toThrow(/^convOutputSize: expected dilation to be a positive/);
  });
});
