import * as tf from '@tensorflow/tfjs-core';
import { assertTensor, describeShape } from '../checks/tensor-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';

/** A mask as `apply` takes it: one tensor (or none) for a one-input layer, one per input for a list layer. */
export type InputMask = tf.Tensor | undefined | readonly (tf.Tensor | undefined)[];

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}

/**
 * Checks what a layer's `apply` was given against the kind of layer: one tensor for a one-input
 * layer, a non-empty array of tensors for a list layer (Concatenate, Attention, a Model with several
 * inputs); every input batch-first with the same batch size; a mask per input (or none) whose first
 * axis is that batch. Returns the inputs and masks as lists.
 */
export function checkLayerInputs(
  fn: string,
  takesList: boolean,
  x: unknown,
  mask: unknown,
): { inputs: tf.Tensor[]; masks: (tf.Tensor | undefined)[] } {
  let inputs: tf.Tensor[];
  let masks: (tf.Tensor | undefined)[];
  if (takesList) {
    if (!Array.isArray(x) || x.length === 0)
      throw new ArgumentError(
        fn,
        `expected x to be a non-empty array of tensors (this layer takes a list), got ${describeValue(x)}`,
      );
    x.forEach((t, i) => assertTensor(fn, `x[${i}]`, t));
    inputs = x as tf.Tensor[];
    if (mask !== undefined && (!Array.isArray(mask) || mask.length !== inputs.length))
      throw new ArgumentError(
        fn,
        `expected options.mask to be an array of ${inputs.length} masks (undefined where an input has none), ` +
          `got ${describeValue(mask)}`,
      );
    masks = mask === undefined ? inputs.map(() => undefined) : [...(mask as (tf.Tensor | undefined)[])];
  } else {
    if (Array.isArray(x))
      throw new ArgumentError(
        fn,
        `expected x to be a tf.Tensor, got an array of ${x.length} (this layer takes one input)`,
      );
    assertTensor(fn, 'x', x);
    if (Array.isArray(mask))
      throw new ArgumentError(fn, `expected options.mask to be one tensor (this layer takes one input), got an array`);
    inputs = [x as tf.Tensor];
    masks = [mask as tf.Tensor | undefined];
  }
  const where = (i: number) => (takesList ? `x[${i}]` : 'x');
  inputs.forEach((t, i) => {
    if (t.rank < 1) throw new ShapeError(fn, `expected ${where(i)} of rank >= 1 (batch first), got rank 0 (shape [])`);
    if (t.shape[0] !== inputs[0]?.shape[0])
      throw new ShapeError(
        fn,
        `expected every input with the same batch size, got ${describeShape(inputs[0]?.shape ?? [])} and ` +
          `${describeShape(t.shape)}`,
      );
  });
  masks.forEach((m, i) => {
    if (m === undefined) return;
    const name = takesList ? `options.mask[${i}]` : 'options.mask';
    assertTensor(fn, name, m);
    if (m.rank < 1 || m.shape[0] !== inputs[i]?.shape[0])
      throw new ShapeError(
        fn,
        `expected ${name} with the batch size of ${where(i)} (${inputs[i]?.shape[0]}) first, got shape ` +
          `${describeShape(m.shape)}`,
      );
  });
  return { inputs, masks };
}

/**
 * Inside a layer's tidy: returns `value`, or a clone when it is one of the tensors the caller gave
 * (an output equal to an input, a mask passed through), so that everything `applyWithMask`
 * returns is a new tensor the caller owns and may dispose.
 */
export function ownedCopy<T extends tf.Tensor | undefined>(value: T, given: readonly (tf.Tensor | undefined)[]): T {
  return (value !== undefined && given.includes(value) ? tf.clone(value) : value) as T;
}

/** True when `shape` is a list of shapes (what a list layer is built with) rather than one shape. */
export function isShapeList(shape: readonly number[] | readonly (readonly number[])[]): boolean {
  return shape.length > 0 && Array.isArray(shape[0]);
}
