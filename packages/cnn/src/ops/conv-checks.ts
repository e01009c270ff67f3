import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, assertOneOf, assertPositiveInteger, assertRank, describeShape } from '@baihua/core';

/** A size given once for both spatial axes, or as `[height, width]`. */
export type SizePair = number | readonly [number, number];

/** Padding modes of {@link conv2d}: 'valid' (none), 'same' (TensorFlow's), 'full' (k-1 on every side). */
export type ConvPadding = 'valid' | 'same' | 'full';

/** Padding modes of the pooling ops. */
export type PoolPadding = 'valid' | 'same';

export const convPaddings: readonly ConvPadding[] = ['valid', 'same', 'full'];
export const poolPaddings: readonly PoolPadding[] = ['valid', 'same'];

/** Turns `3` or `[3, 2]` into `[3, 3]` / `[3, 2]`, each a positive integer, or throws naming the argument. */
export function normalizePair(functionName: string, argument: string, value: unknown): [number, number] {
  if (typeof value === 'number') {
    assertPositiveInteger(functionName, argument, value);
    return [value, value];
  }
  if (Array.isArray(value) && value.length === 2) {
    assertPositiveInteger(functionName, `${argument}[0]`, value[0]);
    assertPositiveInteger(functionName, `${argument}[1]`, value[1]);
    return [value[0] as number, value[1] as number];
  }
  throw new ArgumentError(
    functionName,
    `expected ${argument} to be a positive integer or a [height, width] pair, got ${JSON.stringify(value)}`,
  );
}

/** Checks an NHWC input and a [kh, kw, inChannels, *] filter whose channels agree. */
export function checkConvOperands(
  functionName: string,
  input: tf.Tensor,
  filter: tf.Tensor,
  filterName = 'filter',
): void {
  assertRank(functionName, 'input', input, 4);
  assertRank(functionName, filterName, filter, 4);
  const channels = input.shape[3];
  if (filter.shape[2] !== channels) {
    throw new ShapeError(
      functionName,
      `expected ${filterName} of shape [kh,kw,${channels},*] to match the input's ${channels} channels, ` +
        `got ${filterName} shape ${describeShape(filter.shape)} for input shape ${describeShape(input.shape)}`,
    );
  }
}

/** Checks a padding mode against the allowed list. */
export function checkPadding<T extends string>(functionName: string, padding: unknown, allowed: readonly T[]): T {
  assertOneOf(functionName, 'padding', padding, allowed);
  return padding;
}

/**
 * Throws when a window (kernel or pool) of effective size `window` does not fit the input in
 * 'valid' mode, where no output position would exist.
 */
export function checkWindowFits(
  functionName: string,
  what: string,
  input: tf.Tensor,
  window: readonly [number, number],
  padding: string,
  detail = '',
): void {
  const [height, width] = [input.shape[1] as number, input.shape[2] as number];
  if (padding === 'valid' && (window[0] > height || window[1] > width)) {
    throw new ShapeError(
      functionName,
      `${what} ${window[0]}x${window[1]}${detail} is larger than the input ${height}x${width} ` +
        `(shape ${describeShape(input.shape)}) with padding 'valid'; use padding 'same' or a smaller window`,
    );
  }
}
