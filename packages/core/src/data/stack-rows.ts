import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { describeValue, isPlainRecord, isTensor } from './tensor-structure.js';

/**
 * Stacks rows of the same structure into one batch of that structure: every tensor leaf becomes
 * tf.stack of that leaf over the rows, so rows { x: [28, 28], y: [] } give { x: [B, 28, 28], y: [B] }.
 * Leaves must be tensors (in arrays and plain records, at any depth) of the same shape in every row.
 * The rows are left as they are (the caller disposes them); on error nothing new is left behind.
 *
 * @example stackRows('Dataset.batch', [{ x: a, y: b }, { x: c, y: d }]); // { x: stack([a, c]), y: stack([b, d]) }
 * In plain words: pile single examples into one batch, field by field.
 */
export function stackRows(fn: string, rows: readonly unknown[]): unknown {
  return tf.tidy(() => stackAt(fn, rows, 'row') as tf.TensorContainer) as unknown;
}

function stackAt(fn: string, rows: readonly unknown[], path: string): unknown {
  const first = rows[0];
  if (isTensor(first)) {
    rows.forEach((row, i) => {
      if (!isTensor(row))
        throw new ArgumentError(
          fn,
          `expected ${path} to be a tensor in every row, got ${describeValue(row)} in row ${i}`,
        );
      if (row.shape.length !== first.shape.length || row.shape.some((s, k) => s !== first.shape[k]))
        throw new ShapeError(
          fn,
          `expected ${path} of the same shape in every row of a batch, got ${describeShape(first.shape)} in row 0 ` +
            `and ${describeShape(row.shape)} in row ${i}`,
        );
    });
    return tf.stack(rows as tf.Tensor[]);
  }
  if (Array.isArray(first)) {
    rows.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== first.length)
        throw new ArgumentError(
          fn,
          `expected ${path} to be an array of ${first.length} in every row, got ${describeValue(row)} in row ${i}`,
        );
    });
    return first.map((_, k) =>
      stackAt(
        fn,
        rows.map((row) => (row as unknown[])[k]),
        `${path}[${k}]`,
      ),
    );
  }
  if (isPlainRecord(first)) {
    const keys = Object.keys(first);
    rows.forEach((row, i) => {
      const same = isPlainRecord(row) && Object.keys(row).length === keys.length && keys.every((k) => k in row);
      if (!same)
        throw new ArgumentError(
          fn,
          `expected ${path} to have the keys ${keys.join(', ')} in every row, got ${
            isPlainRecord(row) ? Object.keys(row).join(', ') || 'none' : describeValue(row)
          } in row ${i}`,
        );
    });
    const entries = keys.map((key) => [
      key,
      stackAt(
        fn,
        rows.map((row) => (row as Record<string, unknown>)[key]),
        `${path}.${key}`,
      ),
    ]);
    return Object.fromEntries(entries);
  }
  throw new ArgumentError(
    fn,
    `expected rows of tensors (alone, in arrays or in records), got ${describeValue(first)} at ${path}`,
  );
}
