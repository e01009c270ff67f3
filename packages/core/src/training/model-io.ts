import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';

/** The names of a model's inputs and outputs (a graph Model's), or undefined for a plain layer. */
export interface InputOutputNames {
  inputNames: readonly string[] | undefined;
  outputNames: readonly string[] | undefined;
}

/**
 * Reads `inputNames` and `outputNames` from a graph Model (duck-typed, `'inputNames' in model`);
 * a plain layer (Dense, Sequential) has neither: one unnamed input and one unnamed output.
 *
 * @example
 * modelInputOutputNames(new Model({ inputs: [a, b], outputs: y })); // { inputNames: ['a', 'b'], outputNames: [...] }
 * In plain words: what the model calls its doors in and out.
 */
export function modelInputOutputNames(model: Layer): InputOutputNames {
  const names = (key: 'inputNames' | 'outputNames') => {
    if (!(key in model)) return undefined;
    const value: unknown = (model as unknown as Record<string, unknown>)[key];
    if (!Array.isArray(value) || !value.every((name) => typeof name === 'string'))
      throw new ArgumentError('modelInputOutputNames', `expected model.${key} to be an array of strings`);
    return value as string[];
  };
  return { inputNames: names('inputNames'), outputNames: names('outputNames') };
}

/** True when the model's `apply` takes a list of inputs (a Model with several inputs, Concatenate). */
export function takesInputList(model: Layer): boolean {
  return (model as unknown as { takesInputList?: boolean }).takesInputList === true;
}

/**
 * Runs the model on its inputs (in the model's order) and returns every output:
 * `model.applyMulti(x, { training })` with one tensor, or the list for a model that takes a list.
 */
export function runModel(model: Layer, xs: readonly tf.Tensor[], training: boolean): tf.Tensor[] {
  return model.applyMulti(takesInputList(model) ? xs : (xs[0] as tf.Tensor), { training });
}

/** Builds the model for these input shapes (batch first) if it is not built yet; checks them otherwise. */
export function ensureModelBuilt(model: Layer, inputShapes: readonly (readonly number[])[]): void {
  model.ensureBuilt(takesInputList(model) ? inputShapes : (inputShapes[0] as readonly number[]));
}
