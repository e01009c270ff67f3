import type * as tf from '@tensorflow/tfjs-core';

/** True for a tf.Tensor (by duck type, so any tfjs copy passes). */
export function isTensor(value: unknown): value is tf.Tensor {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as tf.Tensor).shape) &&
    typeof (value as tf.Tensor).dtype === 'string' &&
    typeof (value as tf.Tensor).dispose === 'function'
  );
}

/** True for an object literal (`{ a: 1 }` or `Object.create(null)`), not a tensor, array or class instance. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Every tensor inside `value`: the value itself, or the tensors held in its arrays and plain
 * records, at any depth (each tensor once, in the order met).
 *
 * @example tensorsIn({ x: [a, b], y: c }); // [a, b, c]
 * In plain words: find every tensor in a box of boxes.
 */
export function tensorsIn(value: unknown): tf.Tensor[] {
  const found = new Set<tf.Tensor>();
  const seen = new Set<unknown>();
  const walk = (item: unknown): void => {
    if (isTensor(item)) {
      found.add(item);
      return;
    }
    if (seen.has(item)) return;
    if (Array.isArray(item)) {
      seen.add(item);
      for (const inner of item) walk(inner);
    } else if (isPlainRecord(item)) {
      seen.add(item);
      for (const inner of Object.values(item)) walk(inner);
    }
  };
  walk(value);
  return [...found];
}

/**
 * Disposes every tensor inside `value` (see {@link tensorsIn}) except those in `keep`.
 *
 * @example disposeTensorsIn(row, tensorsIn(mapped)); // frees what the mapping did not pass on
 * In plain words: throw away what is no longer needed, keeping what was handed on.
 */
export function disposeTensorsIn(value: unknown, keep: readonly tf.Tensor[] = []): void {
  for (const tensor of tensorsIn(value)) if (!keep.includes(tensor)) tensor.dispose();
}

/** How a value appears in an error message: `number`, `null`, `an array of 3`, `a tf.Tensor`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isTensor(value)) return 'a tf.Tensor';
  return typeof value;
}
