import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { Dataset } from './dataset.js';
import { describeValue, isPlainRecord, isTensor } from './tensor-structure.js';

/** Tensors for a model's inputs or outputs: one tensor, an array (in the model's order), or a record by name. */
export type TensorGroup = tf.Tensor | tf.Tensor[] | Record<string, tf.Tensor>;

/** The rows of `fromTensors({ x, y })`: x and y of one example (each tensor without its first axis). */
export interface TensorRow<X extends TensorGroup = TensorGroup, Y extends TensorGroup = TensorGroup> {
  x: X;
  y: Y;
}

/**
 * A Dataset of the rows of `x` and `y` (tf.data's from_tensor_slices): row r holds x[r] and y[r],
 * each tensor without its first axis ([N, 28, 28] gives rows of [28, 28]); `batch(b)` stacks them
 * back into [b, 28, 28]. x and y may each be a tensor, an array of tensors or a record of tensors
 * (models with several inputs or outputs); every tensor needs the same number of rows N >= 1.
 * The rows are new tensors the consumer disposes; x and y stay yours: dispose them after the
 * dataset is no longer iterated.
 *
 * @example
 * const rows = fromTensors({ x: { image: images, caption: tokens }, y: labels });
 * await fit(model, rows.shuffle(1000, 1).batch(32), { loss });
 *
 * In plain words: serve the examples of two big tensors one at a time.
 */
export function fromTensors<X extends TensorGroup, Y extends TensorGroup>(data: {
  x: X;
  y: Y;
}): Dataset<TensorRow<X, Y>> {
  const fn = 'fromTensors';
  if (!isPlainRecord(data) || !('x' in data) || !('y' in data))
    throw new ArgumentError(fn, `expected data to be { x, y }, got ${describeValue(data)}`);
  const leaves = [...leavesOf(fn, 'data.x', data.x), ...leavesOf(fn, 'data.y', data.y)];
  const first = (leaves[0] as (typeof leaves)[0]).tensor;
  const rows = first.shape[0] ?? 0;
  for (const { tensor, path } of leaves) {
    if (tensor.rank < 1 || tensor.shape[0] !== rows || rows === 0)
      throw new ShapeError(
        fn,
        `expected every tensor with the same number of rows (>= 1), got ${describeShape(first.shape)} at ` +
          `${leaves[0]?.path} and ${describeShape(tensor.shape)} at ${path}`,
      );
  }
  async function* open(): AsyncGenerator<TensorRow<X, Y>> {
    for (let r = 0; r < rows; r++) {
      yield tf.tidy(
        () => ({ x: rowOf(data.x, r), y: rowOf(data.y, r) }) as unknown as tf.TensorContainer,
      ) as unknown as TensorRow<X, Y>;
    }
  }
  return new Dataset(open);
}

function rowOf<G extends TensorGroup>(group: G, r: number): G {
  const row = (t: tf.Tensor) => tf.reshape(tf.slice(t, r, 1), t.shape.slice(1));
  if (isTensor(group)) return row(group) as G;
  if (Array.isArray(group)) return group.map(row) as G;
  return Object.fromEntries(Object.entries(group).map(([k, t]) => [k, row(t)])) as G;
}

function leavesOf(fn: string, path: string, group: unknown): { tensor: tf.Tensor; path: string }[] {
  if (isTensor(group)) return [{ tensor: group, path }];
  const entries = Array.isArray(group)
    ? group.map((t, i) => [`${path}[${i}]`, t] as const)
    : isPlainRecord(group)
      ? Object.entries(group).map(([k, t]) => [`${path}.${k}`, t] as const)
      : undefined;
  if (entries === undefined || entries.length === 0)
    throw new ArgumentError(
      fn,
      `expected ${path} to be a tensor, a non-empty array of tensors or a record of tensors, ` +
        `got ${describeValue(group)}`,
    );
  return entries.map(([where, t]) => {
    if (!isTensor(t)) throw new ArgumentError(fn, `expected ${where} to be a tf.Tensor, got ${describeValue(t)}`);
    return { tensor: t, path: where };
  });
}
