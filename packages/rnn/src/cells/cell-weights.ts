import type * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  type InitializerSpec,
  ShapeError,
  assertKnownOptions,
  assertPositiveInteger,
  assertTensor,
  describeShape,
} from '@baihua/core';
import type { WeightLayout } from './recurrent-cell.js';

/**
 * Initial values handed to a cell, copied into the cell's own weights (as `setWeights` does; the
 * tensors stay yours). With `weightLayout: 'keras'` the matrices are [in, gates * hidden]; with
 * `'torch'` they are [gates * hidden, in]. Biases are [gates * hidden].
 */
export interface CellWeights {
  kernel: tf.Tensor;
  recurrentKernel: tf.Tensor;
  bias?: tf.Tensor;
  recurrentBias?: tf.Tensor;
}

/** Options every cell takes. */
export interface CellOptions {
  /** Features per time step. Required unless `weights` are given (then read from them). */
  inputSize?: number;
  /** Units of the hidden state. Required unless `weights` are given. */
  hiddenSize?: number;
  /** Start from these values (copied) instead of initialising. */
  weights?: CellWeights;
  /** Layout of the weights (default 'keras'). */
  weightLayout?: WeightLayout;
  /** Create a bias (default true; with `weights`, a bias exists when one is given). */
  useBias?: boolean;
  /** Create a second, recurrent bias as PyTorch does (default false; GRU with resetAfter: true). */
  recurrentBias?: boolean;
  /** Default: uniform in [-1/sqrt(hiddenSize), 1/sqrt(hiddenSize)], PyTorch's (core's varianceScaling). */
  kernelInitializer?: InitializerSpec;
  /** Default: as kernelInitializer. */
  recurrentInitializer?: InitializerSpec;
  /** Seed of the initial weights (default 0). */
  seed?: number;
  /** Layer name (default from the type: `lstm_cell_1`); prefixes the weight paths. */
  name?: string;
  /** When false, `fit` leaves the weights alone. Default true. */
  trainable?: boolean;
}

/** The keys {@link CellOptions} adds to core's LayerOptions (name, trainable, seed), for the unknown-key check. */
export const cellOptionKeys = [
  'inputSize',
  'hiddenSize',
  'weights',
  'weightLayout',
  'useBias',
  'recurrentBias',
  'kernelInitializer',
  'recurrentInitializer',
] as const;

/** An extra weight a cell needs (the peephole weights): its shape for a hidden size and layout. */
export interface ExtraWeight {
  name: string;
  shape: (hiddenSize: number, layout: WeightLayout) => number[];
  /** Default: the cell's uniform initialiser. */
  initializer?: InitializerSpec;
}

/** One weight the cell creates: name, shape, initialiser, and whether L2 decay applies. */
export interface CellWeightSpec {
  name: string;
  shape: number[];
  initializer: InitializerSpec;
  regularize: boolean;
}

/** What a cell builds: sizes, layout, its weights, and the values to copy in (given weights). */
export interface CellWeightPlan {
  inputSize: number;
  hiddenSize: number;
  layout: WeightLayout;
  specs: CellWeightSpec[];
  given: Record<string, tf.Tensor> | undefined;
}

/**
 * PyTorch's recurrent initialiser, uniform in ±1/sqrt(H), as core's varianceScaling: the limit
 * sqrt(3 scale / fan) with fan = the gate axis (G·H) and scale = G / 3.
 */
export function uniformCellInitializer(shape: number[], hiddenSize: number, layout: WeightLayout): InitializerSpec {
  const axis = layout === 'torch' ? 0 : shape.length - 1;
  const scale = (shape[axis] as number) / hiddenSize / 3;
  return { name: 'varianceScaling', scale, mode: layout === 'torch' ? 'fanIn' : 'fanOut', distribution: 'uniform' };
}

/** Checks sizes (or the given weights) and lists the weights a cell with `gateCount` gate blocks creates. */
export function planCellWeights(
  functionName: string,
  gateCount: number,
  options: CellOptions,
  defaults: { recurrentBias: boolean; extra?: ExtraWeight[] },
): CellWeightPlan {
  const layout = options.weightLayout ?? 'keras';
  if (layout !== 'keras' && layout !== 'torch') {
    throw new ArgumentError(
      functionName,
      `expected weightLayout to be 'keras' or 'torch', got ${JSON.stringify(layout)}`,
    );
  }
  const extra = defaults.extra ?? [];
  const given = options.weights === undefined ? undefined : checkGivenWeights(functionName, gateCount, options, extra);
  let inputSize = options.inputSize;
  let hiddenSize = options.hiddenSize;
  if (given) [inputSize, hiddenSize] = [given.inputSize, given.hiddenSize];
  assertPositiveInteger(functionName, 'inputSize', inputSize);
  assertPositiveInteger(functionName, 'hiddenSize', hiddenSize);
  const width = gateCount * hiddenSize;
  const matrix = (rows: number) => (layout === 'torch' ? [width, rows] : [rows, width]);
  const spec = (name: string, shape: number[], initializer: InitializerSpec | undefined, regularize = false) => ({
    name,
    shape,
    initializer: given ? 'zeros' : (initializer ?? uniformCellInitializer(shape, hiddenSize, layout)),
    regularize,
  });
  const specs: CellWeightSpec[] = [
    spec('kernel', matrix(inputSize), options.kernelInitializer, true),
    spec('recurrentKernel', matrix(hiddenSize), options.recurrentInitializer ?? options.kernelInitializer, true),
  ];
  const hasBias = given ? given.tensors.bias !== undefined : (options.useBias ?? true);
  const hasRecurrentBias = given
    ? given.tensors.recurrentBias !== undefined
    : hasBias && (options.recurrentBias ?? defaults.recurrentBias);
  if (hasBias) specs.push(spec('bias', [width], 'zeros'));
  if (hasRecurrentBias) specs.push(spec('recurrentBias', [width], 'zeros'));
  for (const { name, shape, initializer } of extra) specs.push(spec(name, shape(hiddenSize, layout), initializer));
  return { inputSize, hiddenSize, layout, specs, given: given?.tensors };
}

function checkGivenWeights(
  functionName: string,
  gateCount: number,
  options: CellOptions,
  extras: ExtraWeight[],
): { inputSize: number; hiddenSize: number; tensors: Record<string, tf.Tensor> } {
  const layout = options.weightLayout ?? 'keras';
  const extraNames = extras.map((e) => e.name);
  assertKnownOptions(functionName, 'weights', options.weights, [
    'kernel',
    'recurrentKernel',
    'bias',
    'recurrentBias',
    ...extraNames,
  ]);
  const weights = options.weights as CellWeights & Record<string, tf.Tensor | undefined>;
  assertTensor(functionName, 'weights.kernel', weights.kernel);
  assertTensor(functionName, 'weights.recurrentKernel', weights.recurrentKernel);
  for (const [name, tensor] of [
    ['recurrentKernel', weights.recurrentKernel],
    ['kernel', weights.kernel],
  ] as const) {
    if (tensor.rank !== 2) {
      throw new ShapeError(
        functionName,
        `expected weights.${name} of rank 2, got rank ${tensor.rank} (shape ${describeShape(tensor.shape)})`,
      );
    }
  }
  const across = (tensor: tf.Tensor) => (layout === 'torch' ? tensor.shape[1] : tensor.shape[0]) as number;
  const hiddenSize = across(weights.recurrentKernel);
  const inputSize = across(weights.kernel);
  const width = gateCount * hiddenSize;
  const expectShape = (name: string, tensor: tf.Tensor, expected: number[]) => {
    if (tensor.rank !== expected.length || tensor.shape.some((s, i) => s !== expected[i])) {
      throw new ShapeError(
        functionName,
        `expected weights.${name} of shape ${describeShape(expected)} (${layout} layout, ${gateCount} gate(s) ` +
          `x hidden ${hiddenSize}), got shape ${describeShape(tensor.shape)}`,
      );
    }
  };
  const matrix = (rows: number) => (layout === 'torch' ? [width, rows] : [rows, width]);
  expectShape('recurrentKernel', weights.recurrentKernel, matrix(hiddenSize));
  expectShape('kernel', weights.kernel, matrix(inputSize));
  for (const [name, size] of [
    ['inputSize', inputSize],
    ['hiddenSize', hiddenSize],
  ] as const) {
    if (options[name] !== undefined && options[name] !== size) {
      const source = name === 'inputSize' ? 'weights.kernel' : 'weights.recurrentKernel';
      throw new ArgumentError(functionName, `expected ${name} ${options[name]} to match ${source} (${name} ${size})`);
    }
  }
  const tensors: Record<string, tf.Tensor> = { kernel: weights.kernel, recurrentKernel: weights.recurrentKernel };
  for (const name of ['bias', 'recurrentBias'] as const) {
    const bias = weights[name];
    if (bias === undefined) continue;
    assertTensor(functionName, `weights.${name}`, bias);
    expectShape(name, bias, [width]);
    tensors[name] = bias;
  }
  for (const extra of extras) {
    const tensor = weights[extra.name];
    if (tensor === undefined)
      throw new ArgumentError(functionName, `expected weights.${extra.name} to be given along with the other weights`);
    assertTensor(functionName, `weights.${extra.name}`, tensor);
    expectShape(extra.name, tensor, extra.shape(hiddenSize, layout));
    tensors[extra.name] = tensor;
  }
  return { inputSize, hiddenSize, tensors };
}
