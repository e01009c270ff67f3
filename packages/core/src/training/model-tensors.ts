import type * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { describeValue, isPlainRecord, isTensor } from '../data/tensor-structure.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';

/** Tensors for a model's inputs (or outputs): one tensor, an array in the model's order, or a record by name. */
export type ModelTensors = tf.Tensor | readonly tf.Tensor[] | Readonly<Record<string, tf.Tensor>>;

/** How `arrangeTensors` matches tensors to a model's inputs or outputs. */
export interface TensorSlots {
  /** The model's names for them (a graph Model), or undefined for a plain layer. */
  names: readonly string[] | undefined;
  /** For a plain layer: true when it takes a list of any length (Concatenate). */
  list: boolean;
  /** 'inputs' or 'outputs', for messages. */
  what: string;
}

/**
 * Puts `value` in the model's order as a list of tensors. A graph Model with names [a, b] takes
 * [ta, tb] (that length) or { a: ta, b: tb } (exactly those keys), or one tensor when it has one
 * name; a plain layer takes one tensor or an array of one (any length when it takes a list).
 *
 * @example
 * const slots = { names: ['image', 'text'], list: true, what: 'inputs' };
 * arrangeTensors('fit', 'data.x', { text, image }, slots).tensors; // [image, text]
 * In plain words: line the tensors up in the order the model's doors are.
 */
export function arrangeTensors(fn: string, argument: string, value: unknown, slots: TensorSlots): ArrangedTensors {
  const { names, list, what } = slots;
  const expected =
    names === undefined
      ? list
        ? 'a non-empty array of tensors'
        : 'a tensor'
      : names.length === 1
        ? `a tensor, an array of 1 tensor or a record { ${names[0]} }`
        : `an array of ${names.length} tensors (${names.join(', ')}) or a record { ${names.join(', ')} }`;
  const fail = (got: string) =>
    new ArgumentError(fn, `expected ${argument} to be ${expected} (the model's ${what}), got ${got}`);
  let tensors: unknown[];
  if (isTensor(value)) {
    if (list || (names !== undefined && names.length !== 1)) throw fail('one tensor');
    tensors = [value];
  } else if (Array.isArray(value)) {
    const want = names?.length ?? (list ? value.length : 1);
    if (value.length !== want || want === 0) throw fail(describeValue(value));
    tensors = value;
  } else if (isPlainRecord(value)) {
    if (names === undefined) throw fail(`a record (a plain layer's ${what} have no names)`);
    const keys = Object.keys(value);
    const missing = names.filter((name) => !keys.includes(name));
    const unknown = keys.filter((key) => !names.includes(key));
    if (missing.length > 0 || unknown.length > 0) {
      const parts = [
        ...(missing.length > 0 ? [`missing ${missing.map((k) => `'${k}'`).join(', ')}`] : []),
        ...(unknown.length > 0 ? [`unknown ${unknown.map((k) => `'${k}'`).join(', ')}`] : []),
      ];
      throw new ArgumentError(
        fn,
        `expected ${argument} to have the keys ${names.join(', ')} (the model's ${what}), got ${parts.join(' and ')}`,
      );
    }
    tensors = names.map((name) => value[name]);
  } else {
    throw fail(describeValue(value));
  }
  const label = (i: number) =>
    isPlainRecord(value) ? `${argument}.${names?.[i]}` : Array.isArray(value) ? `${argument}[${i}]` : argument;
  const paths = tensors.map((_, i) => label(i));
  tensors.forEach((t, i) => {
    if (!isTensor(t)) throw new ArgumentError(fn, `expected ${paths[i]} to be a tf.Tensor, got ${describeValue(t)}`);
    if (t.rank < 1) throw new ShapeError(fn, `expected ${paths[i]} of rank >= 1 (rows first), got rank 0 (shape [])`);
  });
  return { tensors: tensors as tf.Tensor[], paths };
}

/** Tensors in the model's order, with where each came from (`data.x.image`, `data.y[1]`) for messages. */
export interface ArrangedTensors {
  tensors: tf.Tensor[];
  paths: string[];
}

/**
 * The common number of rows (first axis) of every tensor, >= 1; otherwise a ShapeError naming the
 * first tensor and the one that differs (`expected data.x and data.y with the same number of rows`).
 */
export function commonRows(fn: string, argument: string, groups: readonly ArrangedTensors[]): number {
  const all = groups.flatMap(({ tensors, paths }) => tensors.map((t, i) => ({ t, path: paths[i] as string })));
  const first = all[0];
  if (first === undefined) throw new ArgumentError(fn, `expected ${argument} to hold tensors, got none`);
  for (const { t, path } of all) {
    if (t.shape[0] !== first.t.shape[0])
      throw new ShapeError(
        fn,
        `expected ${first.path} and ${path} with the same number of rows, got ${describeShape(first.t.shape)} and ` +
          `${describeShape(t.shape)}`,
      );
  }
  if (first.t.shape[0] === 0)
    throw new ShapeError(fn, `expected ${argument} with at least one row, got ${describeShape(first.t.shape)}`);
  return first.t.shape[0] as number;
}
