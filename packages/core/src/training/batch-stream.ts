import type * as tf from '@tensorflow/tfjs-core';
import { describeValue, disposeTensorsIn, isPlainRecord } from '../data/tensor-structure.js';
import { ArgumentError } from '../errors/argument-error.js';
import { arrangeLabelledData, type LabelledData, type ModelSlots } from './labelled-data.js';

/**
 * Batches `{ x, y }` one after another: a Dataset, an array, any iterable or async iterable (each
 * epoch iterates it anew), or a one-shot iterator or generator object (epochs continue where the
 * previous one stopped; `stepsPerEpoch` required).
 */
export type BatchStream =
  | AsyncIterable<LabelledData>
  | Iterable<LabelledData>
  | AsyncIterator<LabelledData>
  | Iterator<LabelledData>;

/** What `fit` and `evaluate` take: `{ x, y }` tensors, or a stream of `{ x, y }` batches. */
export type TrainingData = LabelledData | BatchStream;

/** A stream as `fit` reads it. */
export interface StreamSource {
  /** True when every pass gets a fresh iterator (a Dataset, an array, an iterable); false for a one-shot iterator. */
  reiterable: boolean;
  /** True when the reader disposes each batch after use: always but for an array, which is read again every epoch. */
  owned: boolean;
  /** The iterator of the next pass: a fresh one for a re-iterable source, the same one for a one-shot iterator. */
  open(): AsyncIterator<unknown> | Iterator<unknown>;
}

/**
 * Tells `{ x, y }` tensors from a stream of batches, or refuses anything else:
 * `fit: expected data to be { x, y } tensors, a Dataset or an (async) iterable of { x, y } batches, got number`.
 *
 * @example const kind = classifyData('fit', 'data', data); // { tensors } or { stream }
 * In plain words: is it one big table, or a flow of handfuls?
 */
export function classifyData(
  fn: string,
  argument: string,
  data: unknown,
): { tensors: LabelledData } | { stream: StreamSource } {
  const refuse = (got: string) =>
    new ArgumentError(
      fn,
      `expected ${argument} to be { x, y } tensors, a Dataset or an (async) iterable of { x, y } batches, got ${got}`,
    );
  if (data === null || typeof data !== 'object') {
    const hint = typeof data === 'function' ? ' (to use a generator function, pass fromGenerator(fn))' : '';
    throw refuse(`${describeValue(data)}${hint}`);
  }
  if (Array.isArray(data)) return { stream: { reiterable: true, owned: false, open: () => data[Symbol.iterator]() } };
  const iterable = data as Partial<AsyncIterable<unknown> & Iterable<unknown>>;
  const make = (iterable[Symbol.asyncIterator] ?? iterable[Symbol.iterator]) as
    | ((this: unknown) => AsyncIterator<unknown> | Iterator<unknown>)
    | undefined;
  if (typeof make === 'function') {
    let first: AsyncIterator<unknown> | Iterator<unknown> | undefined = make.call(data);
    if (first === data) return { stream: { reiterable: false, owned: true, open: () => first as Iterator<unknown> } };
    return {
      stream: {
        reiterable: true,
        owned: true,
        open: () => {
          const iterator = first ?? make.call(data);
          first = undefined;
          return iterator;
        },
      },
    };
  }
  if (typeof (data as Iterator<unknown>).next === 'function')
    return { stream: { reiterable: false, owned: true, open: () => data as Iterator<unknown> } };
  if (isPlainRecord(data) && 'x' in data && 'y' in data) return { tensors: data as unknown as LabelledData };
  throw refuse(
    isPlainRecord(data) ? `an object with keys ${Object.keys(data).join(', ') || 'none'}` : describeValue(data),
  );
}

/** One batch read from a stream, in the model's order; `release()` disposes it when the reader owns it. */
export interface StreamBatch {
  xs: tf.Tensor[];
  ys: tf.Tensor[];
  rows: number;
  release(): void;
}

/**
 * Checks one element of a stream (batch `index`, 1-based within the pass) against the model and
 * arranges it; on error it is disposed first when owned, so nothing leaks.
 */
export function readStreamBatch(
  fn: string,
  argument: string,
  value: unknown,
  index: number,
  slots: ModelSlots,
  owned: boolean,
): StreamBatch {
  const release = () => {
    if (owned) disposeTensorsIn(value);
  };
  try {
    if (!isPlainRecord(value) || !('x' in value) || !('y' in value))
      throw new ArgumentError(
        fn,
        `expected batch ${index} of ${argument} to be { x, y } with tensors, got ${
          isPlainRecord(value) ? `an object with keys ${Object.keys(value).join(', ') || 'none'}` : describeValue(value)
        }`,
      );
    const { xs, ys, rows } = arrangeLabelledData(fn, `${argument} batch ${index}`, value, slots);
    return { xs, ys, rows, release };
  } catch (error) {
    release();
    throw error;
  }
}

/** Closes a pass early (a Dataset frees its shuffle and prefetch buffers); a one-shot iterator is left open. */
export async function closePass(
  source: StreamSource,
  iterator: AsyncIterator<unknown> | Iterator<unknown>,
): Promise<void> {
  if (source.reiterable) await iterator.return?.();
}
