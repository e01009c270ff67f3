import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import {
  assertDtype,
  assertRank,
  assertSameShape,
  assertShape,
  assertTensor,
  describeShape,
  normalizeAxis,
} from './tensor-checks.js';
import {
  assertInRange,
  assertNonNegative,
  assertOneOf,
  assertPositive,
  assertPositiveInteger,
} from './value-checks.js';

describe('tensor checks', () => {
  const image = () => tf.zeros([28, 28, 1]);

  test('assertRank gives the documented message', () => {
    const x = image();
    expect(() => assertRank('conv2d', 'input', x, 4)).toThrow(
      new ShapeError('conv2d', 'expected input of rank 4, got rank 3 (shape [28,28,1])'),
    );
    expect(() => assertRank('conv2d', 'input', x, [2, 4])).toThrow('conv2d: expected input of rank 2 or 4, got rank 3');
    expect(() => assertRank('conv2d', 'input', x, [1, 2, 4])).toThrow('expected input of rank 1, 2 or 4');
    expect(() => assertRank('conv2d', 'input', x, 3)).not.toThrow();
    x.dispose();
  });

  test('assertShape matches with wildcards and reports both shapes', () => {
    const x = tf.zeros([6, 5]);
    expect(() => assertShape('ctcLoss', 'targets', x, [6, null])).not.toThrow();
    expect(() => assertShape('ctcLoss', 'targets', x, [4, null])).toThrow(
      'ctcLoss: expected targets of shape [4,*], got shape [6,5]',
    );
    expect(() => assertShape('ctcLoss', 'targets', x, [6])).toThrow(ShapeError);
    x.dispose();
  });

  test('assertSameShape, assertDtype, assertTensor', () => {
    const a = tf.zeros([2, 3]);
    const b = tf.zeros([3, 2]);
    expect(() => assertSameShape('mse', 'target', a, 'prediction', b)).toThrow(
      'mse: expected target and prediction to have the same shape, got [2,3] and [3,2]',
    );
    expect(() => assertDtype('ctcLoss', 'targets', a, 'int32')).toThrow(
      'ctcLoss: expected targets of dtype int32, got float32',
    );
    expect(() => assertTensor('relu', 'x', [1, 2])).toThrow(
      new ArgumentError('relu', 'expected x to be a tf.Tensor, got an array'),
    );
    expect(() => assertTensor('relu', 'x', null)).toThrow('got null');
    tf.dispose([a, b]);
  });

  test('normalizeAxis resolves negative axes and rejects out-of-range ones', () => {
    expect(normalizeAxis('softmax', -1, 3)).toBe(2);
    expect(normalizeAxis('softmax', 0, 3)).toBe(0);
    expect(() => normalizeAxis('softmax', 3, 3)).toThrow(
      'softmax: expected axis in [-3, 2] for a rank-3 tensor, got 3',
    );
    expect(() => normalizeAxis('softmax', 0.5, 3)).toThrow(ArgumentError);
  });

  test('describeShape', () => {
    expect(describeShape([28, 28, 1])).toBe('[28,28,1]');
    expect(describeShape([])).toBe('[]');
  });
});

describe('value checks', () => {
  test('numbers: positive integers, non-negative, positive', () => {
    expect(() => assertPositiveInteger('conv2d', 'strides', 0)).toThrow(
      'conv2d: expected strides to be a positive integer, got 0',
    );
    expect(() => assertPositiveInteger('conv2d', 'strides', 1.5)).toThrow(ArgumentError);
    expect(() => assertPositiveInteger('conv2d', 'strides', 2)).not.toThrow();
    expect(() => assertNonNegative('focalLoss', 'gamma', -1)).toThrow('focalLoss: expected gamma >= 0, got -1');
    expect(() => assertNonNegative('focalLoss', 'gamma', Number.NaN)).toThrow(
      'expected gamma to be a finite number, got NaN',
    );
    expect(() => assertPositive('distillationLoss', 'temperature', 0)).toThrow('expected temperature > 0, got 0');
  });

  test('ranges and options', () => {
    const smoothing = { min: 0, max: 1, maxExclusive: true };
    expect(() => assertInRange('softmaxCrossEntropy', 'labelSmoothing', 1, smoothing)).toThrow(
      'softmaxCrossEntropy: expected labelSmoothing in [0, 1), got 1',
    );
    expect(() => assertInRange('softmaxCrossEntropy', 'labelSmoothing', 0, smoothing)).not.toThrow();
    expect(() => assertInRange('f', 'p', 0, { min: 0, minExclusive: true })).toThrow(
      'expected p in (0, Infinity], got 0',
    );
    expect(() => assertOneOf('conv2d', 'padding', 'half', ['valid', 'same', 'full'])).toThrow(
      `conv2d: expected padding to be one of 'valid', 'same', 'full', got "half"`,
    );
  });
});
