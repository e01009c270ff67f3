import { ArgumentError, assertKnownOptions, assertPositiveInteger } from '@baihua/core';
import { checkPadding, convPaddings, type ConvPadding } from './conv-checks.js';

/** Options for {@link convOutputSize}. */
export interface ConvOutputSizeOptions {
  /** 'valid' (default), 'same' or 'full'. */
  padding?: ConvPadding;
  /** Step between windows; default 1. */
  stride?: number;
  /** Spacing between kernel taps; default 1. */
  dilation?: number;
}

/** Padding before and after one axis, and the output size, for one spatial axis. */
export interface AxisGeometry {
  outputSize: number;
  padBefore: number;
  padAfter: number;
  /** (k - 1) * dilation + 1: the span of input one output value sees. */
  effectiveKernelSize: number;
}

/**
 * Output size and padding of a convolution along one axis, with K = (k - 1) d + 1 the dilated
 * kernel's span, n the input size and s the stride:
 *
 * | padding | output                | padding (before + after)                     |
 * |---------|-----------------------|----------------------------------------------|
 * | valid   | floor((n - K) / s) + 1 | 0                                           |
 * | same    | ceil(n / s)            | max((out - 1) s + K - n, 0), odd one after  |
 * | full    | floor((n + K - 2) / s) + 1 | K - 1 on each side                      |
 *
 * With s = d = 1: valid n - k + 1, same n, full n + k - 1 (the seed's table prints N + K_w + 1
 * for full's width, a misprint).
 *
 * @example
 * convAxisGeometry(28, 5, { padding: 'full' });
 * // { outputSize: 32, padBefore: 4, padAfter: 4, effectiveKernelSize: 5 }
 *
 * In plain words: how many stamp positions fit on the paper, and how much white border was added.
 */
export function convAxisGeometry(
  inputSize: number,
  kernelSize: number,
  options: ConvOutputSizeOptions = {},
): AxisGeometry {
  const fn = 'convOutputSize';
  assertKnownOptions(fn, 'options', options, ['padding', 'stride', 'dilation']);
  const { padding = 'valid', stride = 1, dilation = 1 } = options;
  assertPositiveInteger(fn, 'inputSize', inputSize);
  assertPositiveInteger(fn, 'kernelSize', kernelSize);
  assertPositiveInteger(fn, 'stride', stride);
  assertPositiveInteger(fn, 'dilation', dilation);
  checkPadding(fn, padding, convPaddings);
  const effective = (kernelSize - 1) * dilation + 1;
  if (padding === 'valid') {
    if (effective > inputSize) {
      throw new ArgumentError(
        fn,
        `expected the effective kernel size ${effective} to be at most the input size ${inputSize} with padding ` +
          `'valid'`,
      );
    }
    return {
      outputSize: Math.floor((inputSize - effective) / stride) + 1,
      padBefore: 0,
      padAfter: 0,
      effectiveKernelSize: effective,
    };
  }
  if (padding === 'same') {
    const outputSize = Math.ceil(inputSize / stride);
    const total = Math.max((outputSize - 1) * stride + effective - inputSize, 0);
    const padBefore = Math.floor(total / 2);
    return { outputSize, padBefore, padAfter: total - padBefore, effectiveKernelSize: effective };
  }
  const outputSize = Math.floor((inputSize + effective - 2) / stride) + 1;
  return { outputSize, padBefore: effective - 1, padAfter: effective - 1, effectiveKernelSize: effective };
}

/**
 * The output size of a convolution along one axis (see {@link convAxisGeometry} for the table).
 *
 * @example
 * convOutputSize(32, 5);                      // 28: LeNet's C1
 * convOutputSize(7, 3, { padding: 'same', stride: 2 }); // 4
 *
 * In plain words: how big the feature map comes out.
 */
export function convOutputSize(inputSize: number, kernelSize: number, options: ConvOutputSizeOptions = {}): number {
  return convAxisGeometry(inputSize, kernelSize, options).outputSize;
}
