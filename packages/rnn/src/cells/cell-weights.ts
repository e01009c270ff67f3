import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  ShapeError,
  assertPositiveInteger,
  assertTensor,
  createRandom,
  describeShape,
} from '@baihua/core';
import type { WeightLayout } from './recurrent-cell.js';

/**
 * Weights handed to a cell. With `weightLayout: 'keras'` the matrices are [in, gates * hidden];
 * with `'torch'` they are [gates * hidden, in]. Biases are [gates * hidden]. They are used as they
 * are (no copies), so gradients with respect to them are the gradients of the tensors you own.
 */
export interface CellWeights {
  inputWeights: tf.Tensor;
  recurrentWeights: tf.Tensor;
  inputBias?: tf.Tensor;
  recurrentBias?: tf.Tensor;
}

/** Options every cell takes. */
export interface CellOptions {
  /** Features per time step. Required unless `weights` are given (then read from them). */
  inputSize?: number;
  /** Units of the hidden state. Required unless `weights` are given. */
  hiddenSize?: number;
  /** Use these tensors instead of creating variables. */
  weights?: CellWeights;
  /** Layout of `weights` (default 'keras'); cells that create their weights use 'keras'. */
  weightLayout?: WeightLayout;
  /** Create an input bias (default true). */
  useBias?: boolean;
  /** Create a second, recurrent bias as PyTorch does (default false; GRU with resetAfter: true). */
  recurrentBias?: boolean;
  /** Names of given weights this cell owns and disposes in dispose() (default none: handed-in tensors stay yours). */
  ownedWeights?: readonly string[];
  /** Seed of the initial weights, uniform in [-1/sqrt(hidden), 1/sqrt(hidden)] as in PyTorch (default 0). */
  seed?: number;
}

/** The resolved parameters of a cell. */
export interface ResolvedWeights {
  inputSize: number;
  hiddenSize: number;
  layout: WeightLayout;
  tensors: Record<string, tf.Tensor>;
  /** Tensors the cell disposes: the variables it created, or given weights it was told it owns. */
  created: tf.Tensor[];
}

/** An extra parameter a cell needs (the peephole weights): its shape for a given layout and hidden size. */
export interface ExtraParameter {
  name: string;
  shape: (hiddenSize: number, layout: WeightLayout) => number[];
  /** Initial values: 'uniform' like the matrices, or 'zeros'. */
  init: 'uniform' | 'zeros';
}

/**
 * Checks handed-in weights or creates fresh variables for a cell with `gateCount` gate blocks.
 * `biasInit(gate)` gives the initial value of a created bias block (LSTM forget gates start at 1).
 */
export function resolveWeights(
  functionName: string,
  gateCount: number,
  options: CellOptions,
  defaults: { recurrentBias: boolean; biasInit?: (gate: number) => number; extra?: ExtraParameter[] },
): ResolvedWeights {
  const layout = options.weightLayout ?? 'keras';
  if (layout !== 'keras' && layout !== 'torch') {
    throw new ArgumentError(
      functionName,
      `expected weightLayout to be 'keras' or 'torch', got ${JSON.stringify(layout)}`,
    );
  }
  if (options.weights !== undefined)
    return checkGivenWeights(functionName, gateCount, options, layout, defaults.extra ?? []);
  assertPositiveInteger(functionName, 'inputSize', options.inputSize);
  assertPositiveInteger(functionName, 'hiddenSize', options.hiddenSize);
  const inputSize = options.inputSize;
  const hiddenSize = options.hiddenSize;
  const width = gateCount * hiddenSize;
  const random = createRandom(options.seed ?? 0);
  const limit = 1 / Math.sqrt(hiddenSize);
  const uniform = (shape: number[]): tf.Variable => {
    const size = shape.reduce((a, b) => a * b, 1);
    const values = Float32Array.from({ length: size }, () => (random.next() * 2 - 1) * limit);
    return toVariable(tf.tensor(values, shape, 'float32'));
  };
  const biasValues = (): Float32Array =>
    Float32Array.from({ length: width }, (_, k) => defaults.biasInit?.(Math.floor(k / hiddenSize)) ?? 0);
  const tensors: Record<string, tf.Tensor> = {};
  tensors.inputWeights = uniform(layout === 'torch' ? [width, inputSize] : [inputSize, width]);
  tensors.recurrentWeights = uniform(layout === 'torch' ? [width, hiddenSize] : [hiddenSize, width]);
  if (options.useBias ?? true) {
    tensors.inputBias = toVariable(tf.tensor(biasValues(), [width], 'float32'));
    if (options.recurrentBias ?? defaults.recurrentBias) tensors.recurrentBias = toVariable(tf.zeros([width]));
  }
  for (const extra of defaults.extra ?? []) {
    const shape = extra.shape(hiddenSize, layout);
    tensors[extra.name] = extra.init === 'zeros' ? toVariable(tf.zeros(shape)) : uniform(shape);
  }
  return { inputSize, hiddenSize, layout, tensors, created: Object.values(tensors) as tf.Variable[] };
}

/** A trainable variable holding `initial`'s values; `initial` is disposed (tf.variable keeps its own reference). */
function toVariable(initial: tf.Tensor): tf.Variable {
  const variable = tf.variable(initial, true);
  initial.dispose();
  return variable;
}

function checkGivenWeights(
  functionName: string,
  gateCount: number,
  options: CellOptions,
  layout: WeightLayout,
  extras: ExtraParameter[],
): ResolvedWeights {
  const weights = options.weights as CellWeights & Record<string, tf.Tensor | undefined>;
  assertTensor(functionName, 'weights.inputWeights', weights.inputWeights);
  assertTensor(functionName, 'weights.recurrentWeights', weights.recurrentWeights);
  const recurrentShape = weights.recurrentWeights.shape;
  if (recurrentShape.length !== 2) {
    throw new ShapeError(
      functionName,
      `expected weights.recurrentWeights of rank 2, got rank ${recurrentShape.length} (shape ${describeShape(recurrentShape)})`,
    );
  }
  const hiddenSize = (layout === 'torch' ? recurrentShape[1] : recurrentShape[0]) as number;
  const width = gateCount * hiddenSize;
  const inputShape = weights.inputWeights.shape;
  if (inputShape.length !== 2) {
    throw new ShapeError(
      functionName,
      `expected weights.inputWeights of rank 2, got rank ${inputShape.length} (shape ${describeShape(inputShape)})`,
    );
  }
  const inputSize = (layout === 'torch' ? inputShape[1] : inputShape[0]) as number;
  const expectMatrix = (name: string, tensor: tf.Tensor, rows: number, columns: number) => {
    const expected = layout === 'torch' ? [columns, rows] : [rows, columns];
    if (tensor.rank !== 2 || tensor.shape[0] !== expected[0] || tensor.shape[1] !== expected[1]) {
      throw new ShapeError(
        functionName,
        `expected weights.${name} of shape ${describeShape(expected)} (${layout} layout, ${gateCount} gate(s) x hidden ${hiddenSize}), got shape ${describeShape(tensor.shape)}`,
      );
    }
  };
  expectMatrix('recurrentWeights', weights.recurrentWeights, hiddenSize, width);
  expectMatrix('inputWeights', weights.inputWeights, inputSize, width);
  if (options.inputSize !== undefined && options.inputSize !== inputSize) {
    throw new ArgumentError(
      functionName,
      `expected inputSize ${options.inputSize} to match weights.inputWeights (input size ${inputSize})`,
    );
  }
  if (options.hiddenSize !== undefined && options.hiddenSize !== hiddenSize) {
    throw new ArgumentError(
      functionName,
      `expected hiddenSize ${options.hiddenSize} to match weights.recurrentWeights (hidden size ${hiddenSize})`,
    );
  }
  const tensors: Record<string, tf.Tensor> = {
    inputWeights: weights.inputWeights,
    recurrentWeights: weights.recurrentWeights,
  };
  for (const name of ['inputBias', 'recurrentBias'] as const) {
    const bias = weights[name];
    if (bias === undefined) continue;
    assertTensor(functionName, `weights.${name}`, bias);
    if (bias.rank !== 1 || bias.shape[0] !== width) {
      throw new ShapeError(
        functionName,
        `expected weights.${name} of shape [${width}] (${gateCount} gate(s) x hidden ${hiddenSize}), got shape ${describeShape(bias.shape)}`,
      );
    }
    tensors[name] = bias;
  }
  for (const extra of extras) {
    const tensor = weights[extra.name];
    if (tensor === undefined)
      throw new ArgumentError(functionName, `expected weights.${extra.name} to be given along with the other weights`);
    assertTensor(functionName, `weights.${extra.name}`, tensor);
    const expected = extra.shape(hiddenSize, layout);
    if (tensor.rank !== expected.length || tensor.shape.some((s, i) => s !== expected[i])) {
      throw new ShapeError(
        functionName,
        `expected weights.${extra.name} of shape ${describeShape(expected)}, got shape ${describeShape(tensor.shape)}`,
      );
    }
    tensors[extra.name] = tensor;
  }
  const owned = (options.ownedWeights ?? [])
    .map((name) => tensors[name])
    .filter((t): t is tf.Tensor => t !== undefined);
  return { inputSize, hiddenSize, layout, tensors, created: owned };
}
