import type * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../../checks/tensor-checks.js';
import { ArgumentError } from '../../errors/argument-error.js';
import { ShapeError } from '../../errors/shape-error.js';

/** The sizes of an attention call: batch B, queries Tq, keys/values Tv, key width D, value width Dv. */
export interface AttentionSizes {
  batch: number;
  queries: number;
  keys: number;
  dim: number;
  valueDim: number;
}

/**
 * Checks the input shapes of an attention layer, `[query, value]` or `[query, value, key]`:
 * query [B, Tq, D], value [B, Tv, Dv], key [B, Tv, D] (key = value when left out, then Dv = D).
 * `fn` names the caller in the errors (`Attention.apply`).
 *
 * @example
 * checkAttentionShapes('Attention.apply', [[2, 3, 4], [2, 5, 4]]); // { batch: 2, queries: 3, keys: 5, dim: 4, ... }
 *
 * In plain words: the query and key must speak the same width, and each key needs its value.
 */
export function checkAttentionShapes(fn: string, shapes: readonly (readonly number[])[]): AttentionSizes {
  if (shapes.length !== 2 && shapes.length !== 3)
    throw new ArgumentError(
      fn,
      `expected a list of 2 or 3 tensors, [query, value] or [query, value, key], got ${shapes.length}`,
    );
  const names = ['query', 'value', 'key'];
  shapes.forEach((shape, i) => {
    if (shape.length !== 3)
      throw new ShapeError(
        fn,
        `expected ${names[i]} of rank 3 ([batch, time, features]), got rank ${shape.length} (shape ` +
          `${describeShape(shape)})`,
      );
  });
  const [query, value, key = value] = shapes as [number[], number[], number[]?];
  const keyName = shapes.length === 3 ? 'key' : 'value (the key when none is given)';
  if (key[2] !== query[2])
    throw new ShapeError(
      fn,
      `expected query and ${keyName} with the same last dimension D, got query ${describeShape(query)} and ` +
        `${describeShape(key)}`,
    );
  if (key[1] !== value[1])
    throw new ShapeError(
      fn,
      `expected key and value with the same number of steps Tv, got key ${describeShape(key)} and value ` +
        `${describeShape(value)}`,
    );
  return {
    batch: query[0] as number,
    queries: query[1] as number,
    keys: value[1] as number,
    dim: query[2] as number,
    valueDim: value[2] as number,
  };
}

/**
 * Checks a mask given for an input of `steps` time steps: [batch, steps].
 * @example checkAttentionMask('Attention.apply', 'value', valueMask, 2, 5); // throws unless [2, 5]
 * In plain words: one true/false per example and step.
 */
export function checkAttentionMask(
  fn: string,
  name: 'query' | 'value',
  mask: tf.Tensor | undefined,
  batch: number,
  steps: number,
): void {
  if (mask === undefined) return;
  if (mask.rank !== 2 || mask.shape[0] !== batch || mask.shape[1] !== steps)
    throw new ShapeError(
      fn,
      `expected the ${name} mask of shape [${batch},${steps}] ([batch, time] of the ${name}), got ` +
        `${describeShape(mask.shape)}`,
    );
}
