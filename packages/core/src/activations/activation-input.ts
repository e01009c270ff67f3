import type * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '../checks/option-keys.js';
import { assertDtype, assertTensor, describeShape, normalizeAxis } from '../checks/tensor-checks.js';
import { assertNonNegative } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';

/**
 * Checks what every activation takes: a float32 tf.Tensor. Throws synchronously, before any
 * tensor is created, e.g. `sigmoid: expected x to be a tf.Tensor, got an array`. Use it at the top
 * of your own activation so that it fails as the built-in ones do.
 *
 * @example
 * const cube = (x: tf.Tensor) => { assertActivationInput('cube', x); return tf.pow(x, 3); };
 *
 * In plain words: an activation only takes a float32 tensor, and says so at once.
 */
export function assertActivationInput(functionName: string, x: unknown): asserts x is tf.Tensor {
  assertTensor(functionName, 'x', x);
  assertDtype(functionName, 'x', x, 'float32');
}

/**
 * Reads an activation's options object (or undefined) holding only `known` keys. A bare number,
 * as tfjs's `tf.leakyRelu(x, 0.2)` takes, is refused with a hint, so `{ alpha }` is never silently
 * ignored; an unknown key is refused with the closest known one (`{ alhpa: 0.2 }`).
 */
function readOptions(functionName: string, options: unknown, known: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const got =
      options === null ? 'null' : Array.isArray(options) ? 'an array' : `${typeof options} ${String(options)}`;
    const example = known[0] === 'alpha' ? '{ alpha: 0.1 }' : `{ ${known[0]}: -1 }`;
    throw new ArgumentError(functionName, `expected options to be an object such as ${example}, got ${got}`);
  }
  assertKnownOptions(functionName, 'options', options, known);
  return options as Record<string, unknown>;
}

/**
 * Reads `alpha` from an activation's options `{ alpha }`: a finite number >= 0, or `fallback` when
 * absent. Refuses other keys and a bare number.
 *
 * @example
 * readActivationAlpha('leakyRelu', { alpha: 0.2 }, 0.01); // 0.2
 *
 * In plain words: the one way every alpha-taking activation reads its alpha.
 */
export function readActivationAlpha(functionName: string, options: unknown, fallback: number): number {
  const alpha = readOptions(functionName, options, ['alpha']).alpha ?? fallback;
  assertNonNegative(functionName, 'alpha', alpha);
  return alpha;
}

/**
 * Reads `axis` from options `{ axis }` (default -1) and resolves it against the rank of x (rank >= 1).
 * Refuses other keys and a bare number.
 *
 * @example
 * readActivationAxis('softmax', tf.zeros([2, 3]), { axis: -2 }); // 0
 *
 * In plain words: which axis softmax and logSoftmax normalise over.
 */
export function readActivationAxis(functionName: string, x: tf.Tensor, options: unknown): number {
  const axis = readOptions(functionName, options, ['axis']).axis ?? -1;
  if (x.rank < 1) {
    throw new ShapeError(functionName, `expected x of rank >= 1, got rank 0 (shape ${describeShape(x.shape)})`);
  }
  if (typeof axis !== 'number') {
    throw new ArgumentError(functionName, `expected axis to be an integer, got ${typeof axis} ${String(axis)}`);
  }
  return normalizeAxis(functionName, axis, x.rank);
}
