import type * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  ShapeError,
  assertDtype,
  assertNonNegative,
  assertTensor,
  describeShape,
  normalizeAxis,
} from '@baihua/core';

/**
 * Checks what every activation takes: a float32 tf.Tensor. Throws synchronously, before any
 * tensor is created, e.g. `sigmoid: expected x to be a tf.Tensor, got an array`.
 */
export function assertActivationInput(functionName: string, x: unknown): asserts x is tf.Tensor {
  assertTensor(functionName, 'x', x);
  assertDtype(functionName, 'x', x, 'float32');
}

/**
 * Reads an options object (or undefined). A bare number, as tfjs's `tf.leakyRelu(x, 0.2)` takes,
 * is refused with a hint, so `{ alpha }` is never silently ignored.
 */
export function readOptions(functionName: string, options: unknown): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const got =
      options === null ? 'null' : Array.isArray(options) ? 'an array' : `${typeof options} ${String(options)}`;
    throw new ArgumentError(functionName, `expected options to be an object such as { alpha: 0.1 }, got ${got}`);
  }
  return options as Record<string, unknown>;
}

/** Reads `alpha` from options: a finite number >= 0, or `fallback` when absent. */
export function readAlpha(functionName: string, options: unknown, fallback: number): number {
  const alpha = readOptions(functionName, options).alpha ?? fallback;
  assertNonNegative(functionName, 'alpha', alpha);
  return alpha;
}

/** Reads `axis` from options (default -1) and resolves it against the rank of x (rank >= 1). */
export function readAxis(functionName: string, x: tf.Tensor, options: unknown): number {
  const axis = readOptions(functionName, options).axis ?? -1;
  if (x.rank < 1) {
    throw new ShapeError(functionName, `expected x of rank >= 1, got rank 0 (shape ${describeShape(x.shape)})`);
  }
  if (typeof axis !== 'number') {
    throw new ArgumentError(functionName, `expected axis to be an integer, got ${typeof axis} ${String(axis)}`);
  }
  return normalizeAxis(functionName, axis, x.rank);
}
