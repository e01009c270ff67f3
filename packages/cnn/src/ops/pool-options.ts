import type * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions, assertRank } from '@baihua/core';
import {
  checkPadding,
  checkWindowFits,
  normalizePair,
  poolPaddings,
  type PoolPadding,
  type SizePair,
} from './conv-checks.js';

/** Options shared by {@link maxPool2d}, {@link avgPool2d} and {@link l2Pool2d}. */
export interface PoolingOptions {
  /** Window size, one number or [height, width]. */
  poolSize: SizePair;
  /** Step between windows; default poolSize (non-overlapping windows). */
  strides?: SizePair;
  /** 'valid' (default: only whole windows) or 'same' (output ceil(n/s); windows cut at the border). */
  padding?: PoolPadding;
}

/** Validated pooling geometry. */
export interface PoolGeometry {
  poolSize: [number, number];
  strides: [number, number];
  padding: PoolPadding;
}

/** Checks an NHWC input and pool options; throws naming the function on bad input. */
export function checkPool(functionName: string, input: tf.Tensor, options: PoolingOptions): PoolGeometry {
  assertRank(functionName, 'input', input, 4);
  assertKnownOptions(functionName, 'options', options, ['poolSize', 'strides', 'padding']);
  const given: Partial<PoolingOptions> = options ?? {};
  const poolSize = normalizePair(functionName, 'poolSize', given.poolSize);
  const strides = normalizePair(functionName, 'strides', given.strides ?? poolSize);
  const padding = checkPadding(functionName, given.padding ?? 'valid', poolPaddings);
  checkWindowFits(functionName, 'pool window', input, poolSize, padding);
  return { poolSize, strides, padding };
}
