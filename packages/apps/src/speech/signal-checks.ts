import { ArgumentError, assertDtype, assertRank } from '@baihua/core';
import type * as tf from '@tensorflow/tfjs-core';

/**
 * Checks a signal argument of the speech ops: a float32 tf.Tensor of rank 1 [samples] or 2
 * [batch, samples] holding at least `minSamples` samples (`what` says why, e.g. "one 25 ms frame").
 */
export function assertSignal(
  functionName: string,
  signal: unknown,
  minSamples: number,
  what: string,
): asserts signal is tf.Tensor1D | tf.Tensor2D {
  assertRank(functionName, 'signal', signal as tf.Tensor, [1, 2]);
  assertDtype(functionName, 'signal', signal as tf.Tensor, 'float32');
  const samples = (signal as tf.Tensor).shape.at(-1) ?? 0;
  if (samples < minSamples)
    throw new ArgumentError(
      functionName,
      `expected signal of at least ${minSamples} samples (${what}), got ${samples} samples`,
    );
  if ((signal as tf.Tensor).shape[0] === 0)
    throw new ArgumentError(functionName, 'expected signal with at least one row, got an empty batch');
}

/** Throws unless `value` is a boolean (flags in options objects). */
export function assertBoolean(functionName: string, argument: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean')
    throw new ArgumentError(functionName, `expected ${argument} to be true or false, got ${String(value)}`);
}
