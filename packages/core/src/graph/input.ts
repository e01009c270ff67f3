import type * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '../checks/option-keys.js';
import { ArgumentError } from '../errors/argument-error.js';
import { type GraphNode, SymbolicTensor } from './symbolic-tensor.js';

/** Options of {@link input}. */
export interface InputOptions {
  /** The shape of one example, without the batch: `[28, 28, 1]`; null for a size that varies (`[null]` tokens). */
  shape: (number | null)[];
  /** Name of the input: the key of this input when data is given as a record. Default `input_1`, `input_2`, ... */
  name?: string;
  /** 'float32' (default) or 'int32' (token ids for Embedding). */
  dtype?: 'float32' | 'int32';
}

let inputCount = 0;

/**
 * The start of a functional graph (Keras' `Input`): a symbolic tensor of the given shape, with
 * the batch first and free. Apply layers to it, then make a `Model` of inputs and outputs.
 *
 * @example
 * const image = input({ shape: [28, 28, 1], name: 'image' });
 * const hidden = new Flatten().apply(image);            // SymbolicTensor [null, 784]
 * const model = new Model({ inputs: image, outputs: new Dense({ units: 10 }).apply(hidden) });
 *
 * In plain words: the socket where data will be plugged in, with the shape of the plug.
 */
export function input(options: InputOptions): SymbolicTensor {
  assertKnownOptions('input', 'options', options, ['shape', 'name', 'dtype']);
  const { shape, dtype = 'float32' } = options ?? ({} as InputOptions);
  if (!Array.isArray(shape) || !shape.every((s) => s === null || (Number.isInteger(s) && s > 0)))
    throw new ArgumentError(
      'input',
      `expected shape to be an array of positive integers or null (without the batch), got ${JSON.stringify(shape)}`,
    );
  if (dtype !== 'float32' && dtype !== 'int32')
    throw new ArgumentError('input', `expected dtype 'float32' or 'int32', got ${JSON.stringify(dtype)}`);
  if (options.name !== undefined && (typeof options.name !== 'string' || options.name.length === 0))
    throw new ArgumentError('input', `expected name to be a non-empty string, got ${JSON.stringify(options.name)}`);
  inputCount += 1;
  const node: GraphNode = {
    layer: undefined,
    inputName: options.name ?? `input_${inputCount}`,
    inputs: [],
    takesList: false,
    outputs: [],
  };
  node.outputs.push(new SymbolicTensor([null, ...shape], dtype as tf.DataType, undefined, node, 0));
  return node.outputs[0] as SymbolicTensor;
}
