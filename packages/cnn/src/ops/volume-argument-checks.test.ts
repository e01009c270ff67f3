// Refusals of the 3-D convolution ops that no other test reached (found by mutation testing): each
// names the function and the argument, and creates no tensor.
import * as tf from '@tensorflow/tfjs-core';
import { describe, test } from 'vitest';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';
import { conv3d } from './conv3d.js';
import { conv3dTranspose } from './conv3d-transpose.js';

const x = (): tf.Tensor => tf.zeros([1, 4, 4, 4, 2]);
const w = (): tf.Tensor => tf.zeros([2, 2, 2, 2, 3]);
type Case = [string, () => tf.Tensor[], (...t: tf.Tensor[]) => unknown, RegExp];

const cases: Case[] = [
  [
    'conv3d unknown option',
    () => [x(), w()],
    (a, b) => conv3d(a!, b!, { dilation: 2 } as never),
    /^conv3d: unknown key 'dilation' in options/,
  ],
  [
    'conv3d dilations 0',
    () => [x(), w()],
    (a, b) => conv3d(a!, b!, { dilations: 0 }),
    /^conv3d: expected dilations to be a positive integer, got 0/,
  ],
  [
    'conv3d bias of rank 2',
    () => [x(), w(), tf.zeros([1, 3])],
    (a, b, c) => conv3d(a!, b!, { bias: c! }),
    /^conv3d: expected bias of rank 1, got rank 2/,
  ],
  [
    'conv3dTranspose unknown option',
    () => [x(), tf.zeros([2, 2, 2, 3, 2])],
    (a, b) => conv3dTranspose(a!, b!, { stride: 2 } as never),
    /^conv3dTranspose: unknown key 'stride' in options/,
  ],
];

describe('3-D convolution refusals', () => {
  test.each(cases)('%s', (_label, operands, call, message) => {
    expectCleanThrow(operands, call, message);
  });
});
