import type { DataType, Tensor } from '@tensorflow/tfjs-core';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';

/** `[28,28,1]`: a shape as it appears in error messages. */
export function describeShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

/** Throws unless `value` is a tf.Tensor (checked by duck type, so any tfjs copy passes). */
export function assertTensor(functionName: string, argument: string, value: unknown): asserts value is Tensor {
  const looksLikeTensor =
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as Tensor).shape) &&
    typeof (value as Tensor).dtype === 'string';
  if (!looksLikeTensor) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new ArgumentError(functionName, `expected ${argument} to be a tf.Tensor, got ${got}`);
  }
}

/**
 * Throws `conv2d: expected input of rank 4, got rank 3 (shape [28,28,1])` unless the tensor has
 * one of the given ranks.
 */
export function assertRank(
  functionName: string,
  argument: string,
  tensor: Tensor,
  rank: number | readonly number[],
): void {
  assertTensor(functionName, argument, tensor);
  const ranks = typeof rank === 'number' ? [rank] : rank;
  if (!ranks.includes(tensor.rank)) {
    const expected =
      ranks.length === 1 ? `rank ${ranks[0]}` : `rank ${ranks.slice(0, -1).join(', ')} or ${ranks.at(-1)}`;
    throw new ShapeError(
      functionName,
      `expected ${argument} of ${expected}, got rank ${tensor.rank} (shape ${describeShape(tensor.shape)})`,
    );
  }
}

/**
 * Throws unless the tensor's shape matches `expected`, where `null` matches any size.
 * @example assertShape('ctcLoss', 'targets', targets, [batch, null]);
 */
export function assertShape(
  functionName: string,
  argument: string,
  tensor: Tensor,
  expected: readonly (number | null)[],
): void {
  assertTensor(functionName, argument, tensor);
  const matches =
    tensor.rank === expected.length && expected.every((size, i) => size === null || size === tensor.shape[i]);
  if (!matches) {
    const pattern = `[${expected.map((s) => (s === null ? '*' : String(s))).join(',')}]`;
    throw new ShapeError(
      functionName,
      `expected ${argument} of shape ${pattern}, got shape ${describeShape(tensor.shape)}`,
    );
  }
}

/** Throws unless two tensors have exactly the same shape. */
export function assertSameShape(functionName: string, nameA: string, a: Tensor, nameB: string, b: Tensor): void {
  assertTensor(functionName, nameA, a);
  assertTensor(functionName, nameB, b);
  const same = a.rank === b.rank && a.shape.every((size, i) => size === b.shape[i]);
  if (!same) {
    throw new ShapeError(
      functionName,
      `expected ${nameA} and ${nameB} to have the same shape, ` +
        `got ${describeShape(a.shape)} and ${describeShape(b.shape)}`,
    );
  }
}

/** Throws unless the tensor's dtype is one of `dtypes`. */
export function assertDtype(
  functionName: string,
  argument: string,
  tensor: Tensor,
  dtypes: DataType | readonly DataType[],
): void {
  assertTensor(functionName, argument, tensor);
  const allowed = typeof dtypes === 'string' ? [dtypes] : dtypes;
  if (!allowed.includes(tensor.dtype)) {
    throw new ShapeError(functionName, `expected ${argument} of dtype ${allowed.join(' or ')}, got ${tensor.dtype}`);
  }
}

/** Resolves a possibly negative axis against a rank; throws when it is out of range. */
export function normalizeAxis(functionName: string, axis: number, rank: number): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new ArgumentError(
      functionName,
      `expected axis in [${-rank}, ${rank - 1}] for a rank-${rank} tensor, got ${axis}`,
    );
  }
  return axis < 0 ? axis + rank : axis;
}
