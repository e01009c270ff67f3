import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertPositiveInteger } from '@baihua/core';
import type { ConvPadding, PoolPadding } from './conv-checks.js';

/** A size given once for the three spatial axes, or as `[depth, height, width]`. */
export type SizeTriple = number | readonly [number, number, number];

/** The keys of {@link Convolution3DOptions}. */
export const convolution3dOptionKeys: readonly string[] = ['padding', 'strides', 'dilations', 'bias'];

/** Options of {@link conv3d}: the 2-D convolution's options with sizes per axis [depth, height, width]. */
export interface Convolution3DOptions {
  /**
   * 'valid' (default: no padding), 'same' (TensorFlow's: output ceil(n/s), odd pad at the end of
   * each axis), 'full' ((k-1)d on every side).
   */
  padding?: ConvPadding;
  /** Step between windows, one number or [depth, height, width]; default 1. */
  strides?: SizeTriple;
  /** Spacing between kernel taps, one number or [depth, height, width]; default 1. */
  dilations?: SizeTriple;
  /** Per-output-channel bias [outChannels], added after the convolution. */
  bias?: tf.Tensor;
}

/** The keys of {@link Pooling3DOptions}. */
export const pooling3dOptionKeys: readonly string[] = ['poolSize', 'strides', 'padding'];

/** Options of {@link maxPool3d} and {@link avgPool3d}. */
export interface Pooling3DOptions {
  /** Window size, one number or [depth, height, width]. */
  poolSize: SizeTriple;
  /** Step between windows; default poolSize (non-overlapping windows). */
  strides?: SizeTriple;
  /** 'valid' (default: only whole windows) or 'same' (output ceil(n/s); windows cut at the border). */
  padding?: PoolPadding;
}

/** The keys of {@link Conv3DTransposeOptions}. */
export const conv3dTransposeOptionKeys: readonly string[] = ['padding', 'strides', 'bias'];

/**
 * Options of {@link conv3dTranspose}, the adjoint of {@link conv3d} with respect to its input
 * (what a U-Net decoder uses to grow a volume back).
 */
export interface Conv3DTransposeOptions {
  /** 'valid' (default: output (n - 1) s + k) or 'same' (output n s). */
  padding?: PoolPadding;
  /** Upsampling factor, one number or [depth, height, width]; default 1. */
  strides?: SizeTriple;
  /** Per-output-channel bias [outChannels]. */
  bias?: tf.Tensor;
}

/** Turns `3` or `[3, 2, 2]` into a triple of positive integers, or throws naming the argument. */
export function normalizeTriple(functionName: string, argument: string, value: unknown): [number, number, number] {
  if (typeof value === 'number') {
    assertPositiveInteger(functionName, argument, value);
    return [value, value, value];
  }
  if (Array.isArray(value) && value.length === 3) {
    value.forEach((v, i) => assertPositiveInteger(functionName, `${argument}[${i}]`, v));
    return [value[0] as number, value[1] as number, value[2] as number];
  }
  throw new ArgumentError(
    functionName,
    `expected ${argument} to be a positive integer or a [depth, height, width] triple, got ${JSON.stringify(value)}`,
  );
}
