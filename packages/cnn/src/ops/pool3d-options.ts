import type * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions, assertRank } from '@baihua/core';
import { checkPadding, poolPaddings, type PoolPadding } from './conv-checks.js';
import { checkVolumeWindowFits } from './volume-checks.js';
import { normalizeTriple, pooling3dOptionKeys, type Pooling3DOptions } from './volume-options.js';

/** Validated 3-D pooling geometry, [depth, height, width] per axis. */
export interface Pool3DGeometry {
  poolSize: [number, number, number];
  strides: [number, number, number];
  padding: PoolPadding;
}

/** Checks an NDHWC input and 3-D pool options; throws naming the function on bad input. */
export function checkPool3d(functionName: string, input: tf.Tensor, options: Pooling3DOptions): Pool3DGeometry {
  assertRank(functionName, 'input', input, 5);
  assertKnownOptions(functionName, 'options', options, pooling3dOptionKeys);
  const given: Partial<Pooling3DOptions> = options ?? {};
  const poolSize = normalizeTriple(functionName, 'poolSize', given.poolSize);
  const strides = normalizeTriple(functionName, 'strides', given.strides ?? poolSize);
  const padding = checkPadding(functionName, given.padding ?? 'valid', poolPaddings);
  checkVolumeWindowFits(functionName, 'pool window', input, poolSize, padding);
  return { poolSize, strides, padding };
}
