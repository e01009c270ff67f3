import type * as tf from '@tensorflow/tfjs-core';
import { describeValue, isPlainRecord } from '../data/tensor-structure.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import { modelInputOutputNames, takesInputList } from './model-io.js';
import { arrangeTensors, commonRows, type ModelTensors, type TensorSlots } from './model-tensors.js';

/**
 * Inputs and labels: x [N, ...] and y [N, K] one-hot (or targets) or [N] class indices. For a model
 * with several inputs or outputs, x and y may each be an array (in the model's order) or a record
 * by input or output name.
 */
export interface LabelledData {
  x: ModelTensors;
  y: ModelTensors;
}

/** How a model's data is matched to it: its inputs' and outputs' names and kind. */
export interface ModelSlots {
  inputs: TensorSlots;
  outputs: TensorSlots;
}

/** Labelled data in the model's order: one tensor per input and per output, and the rows they share. */
export interface ArrangedData {
  xs: tf.Tensor[];
  ys: tf.Tensor[];
  rows: number;
}

/** The slots of a model (see {@link modelInputOutputNames}). */
export function modelSlots(model: Layer): ModelSlots {
  const { inputNames, outputNames } = modelInputOutputNames(model);
  return {
    inputs: { names: inputNames, list: takesInputList(model), what: 'inputs' },
    outputs: { names: outputNames, list: false, what: 'outputs' },
  };
}

/**
 * Checks `{ x, y }` against the model and returns its tensors in the model's order: x and y each
 * a tensor, an array or a record (see {@link arrangeTensors}), all with the same number of rows >= 1.
 *
 * @example const { xs, ys, rows } = arrangeLabelledData('fit', 'data', { x: { a, b }, y }, modelSlots(model));
 * In plain words: check the questions and answers fit the model, and line them up.
 */
export function arrangeLabelledData(fn: string, argument: string, data: unknown, slots: ModelSlots): ArrangedData {
  if (!isPlainRecord(data) || !('x' in data) || !('y' in data))
    throw new ArgumentError(fn, `expected ${argument} to be { x, y }, got ${describeData(data)}`);
  const x = arrangeTensors(fn, `${argument}.x`, data.x, slots.inputs);
  const y = arrangeTensors(fn, `${argument}.y`, data.y, slots.outputs);
  const rows = commonRows(fn, argument, [x, y]);
  return { xs: x.tensors, ys: y.tensors, rows };
}

function describeData(data: unknown): string {
  if (isPlainRecord(data)) return `an object with keys ${Object.keys(data).join(', ') || 'none'}`;
  return describeValue(data);
}
