// Every registered layer type of core, cnn and rnn with EVERY option at a value other than its default,
// as plain JSON: the round-trip test builds each layer from these options, saves and loads it, and
// compares the loaded layer's getConfig() with these options, field by field. A child layer is
// written as `{ type, ...options }` and compared the same way. Defaults are in each options interface.
import * as cnn from '@baihua/cnn';
import * as core from '@baihua/core';
import * as rnn from '@baihua/rnn';

/** A layer's type and options; `layers` / `body` / `layer` hold child specs. */
export interface LayerSpec {
  type: string;
  [option: string]: unknown;
}

/** One table row: the layer to build and an input shape to build it on (batch first; a list for a list layer). */
export interface OptionCase {
  spec: LayerSpec;
  inputShape: number[] | number[][];
  /** The input holds whole-number ids in [0, idsBelow), int32 (Embedding), instead of varied floats. */
  idsBelow?: number;
}

type AnyLayerClass = new (options: never) => core.Layer;

const classes: Record<string, AnyLayerClass> = {
  Dense: core.Dense,
  Dropout: core.Dropout,
  BatchNorm: core.BatchNorm,
  LayerNorm: core.LayerNorm,
  GroupNorm: core.GroupNorm,
  Flatten: core.Flatten,
  Residual: core.Residual,
  Attention: core.Attention,
  AdditiveAttention: core.AdditiveAttention,
  Embedding: core.Embedding,
  Masking: core.Masking,
  Concatenate: core.Concatenate,
  Add: core.Add,
  Multiply: core.Multiply,
  RepeatVector: core.RepeatVector,
  Reshape: core.Reshape,
  TimeDistributed: core.TimeDistributed,
  Sequential: core.Sequential,
  Conv2D: cnn.Conv2D,
  SeparableConv2D: cnn.SeparableConv2D,
  MaxPool2D: cnn.MaxPool2D,
  AvgPool2D: cnn.AvgPool2D,
  L2Pool2D: cnn.L2Pool2D,
  GlobalAvgPool2D: cnn.GlobalAvgPool2D,
  GlobalMaxPool2D: cnn.GlobalMaxPool2D,
  ConvBlock: cnn.ConvBlock,
  ResidualBlock: cnn.ResidualBlock,
  SimpleRNN: rnn.SimpleRNN,
  LSTM: rnn.LSTM,
  PeepholeLSTM: rnn.PeepholeLSTM,
  CoupledLSTM: rnn.CoupledLSTM,
  GRU: rnn.GRU,
  Bidirectional: rnn.Bidirectional,
  GlobalAvgPool1D: cnn.GlobalAvgPool1D,
  GlobalMaxPool1D: cnn.GlobalMaxPool1D,
  UpSampling3D: cnn.UpSampling3D,
  Conv3D: cnn.Conv3D,
  MaxPool3D: cnn.MaxPool3D,
  AvgPool3D: cnn.AvgPool3D,
  Conv3DTranspose: cnn.Conv3DTranspose,
};

/** Builds a layer (and its children) from a spec with the class constructors, not the registry. */
export function construct(spec: LayerSpec): core.Layer {
  const { type, ...options } = spec;
  // A graph Model's options are a graph (inputs, layers, nodes, outputs): built from that config.
  if (type === 'Model') return core.layerFromConfig(spec);
  const Class = classes[type];
  if (!Class) throw new Error(`no class for layer type ${type}`);
  const given: Record<string, unknown> = { ...options };
  if (Array.isArray(options.layers)) given.layers = (options.layers as LayerSpec[]).map(construct);
  if (options.body !== undefined) given.body = construct(options.body as LayerSpec);
  if (options.layer !== undefined) given.layer = construct(options.layer as LayerSpec);
  return new Class(given as never);
}

let counter = 0;
/** name, trainable and seed (LayerOptions) at non-default values: a given name, frozen, a seed. */
function base(type: string): LayerSpec {
  return { ...child(type), trainable: false };
}

/** A child of a frozen container: its own name and seed; frozen by the container, not by its options. */
function child(type: string): LayerSpec {
  counter += 1;
  return { type, name: `custom_${type.toLowerCase()}_${counter}`, seed: 100 + counter };
}

const image = [2, 7, 6, 2];
const volume = [2, 4, 3, 5, 2];
const pool3d = { poolSize: [3, 1, 2], strides: [1, 2, 1], padding: 'same' };
const sequence = [2, 4, 3];
const initializer = { name: 'varianceScaling', scale: 0.7, mode: 'fanOut', distribution: 'normal' };
const recurrent = {
  units: 3,
  returnSequences: true,
  reverse: true,
  kernelInitializer: { name: 'orthogonal', gain: 0.8 },
  recurrentInitializer: 'glorotNormal',
  useBias: false,
};
const pool = { poolSize: [3, 2], strides: [1, 2], padding: 'same' };
const convolution = { filters: 3, kernelSize: [3, 2], strides: [2, 1], padding: 'full', dilations: [1, 2] };

/**
 * A graph Model: two named inputs, a Dense shared by both (two nodes), a Concatenate on axis 1, two
 * named outputs (the second an intermediate node); frozen and named. A Model takes no seed.
 */
function graphSpec(): LayerSpec {
  const { seed: _seed, ...model } = base('Model');
  const tower: LayerSpec = {
    ...child('Dense'),
    units: 2,
    activation: 'tanh',
    useBias: false,
    kernelInitializer: initializer,
  };
  const join: LayerSpec = { ...child('Concatenate'), axis: 1 };
  const [towerName, joinName] = [tower.name, join.name] as [string, string];
  return {
    ...model,
    inputs: [
      { name: 'left', shape: [3], dtype: 'float32' },
      { name: 'right', shape: [3], dtype: 'float32' },
    ],
    layers: [tower, join],
    nodes: [
      { layer: towerName, inputs: [{ input: 'left' }] },
      { layer: towerName, inputs: [{ input: 'right' }] },
      {
        layer: joinName,
        inputs: [
          { node: 0, output: 0 },
          { node: 1, output: 0 },
        ],
      },
    ],
    outputs: [
      { node: 2, output: 0 },
      { node: 0, output: 0 },
    ],
    outputNames: ['joined', 'left_code'],
  };
}

/** The table: one row per registered layer type. */
export const optionCases: OptionCase[] = [
  {
    spec: {
      ...base('Dense'),
      units: 3,
      activation: 'tanh',
      useBias: false,
      kernelInitializer: initializer,
      biasInitializer: { name: 'constant', value: 0.25 },
    },
    inputShape: [2, 3, 4],
  },
  { spec: { ...base('Dropout'), rate: 0.3 }, inputShape: [2, 5] },
  { spec: { ...base('BatchNorm'), momentum: 0.6, epsilon: 0.5, center: false, scale: false }, inputShape: [4, 2, 3] },
  { spec: { ...base('LayerNorm'), epsilon: 0.5 }, inputShape: [2, 5] },
  { spec: { ...base('GroupNorm'), groups: 2, epsilon: 0.25 }, inputShape: [2, 3, 4] },
  { spec: base('Flatten'), inputShape: [2, 2, 3] },
  {
    spec: {
      ...base('Embedding'),
      inputDim: 7,
      outputDim: 3,
      maskZero: true,
      embeddingsInitializer: { name: 'randomUniform', minval: -0.5, maxval: 0.25 },
    },
    inputShape: [2, 4],
    idsBelow: 7,
  },
  { spec: { ...base('Masking'), maskValue: 0.5 }, inputShape: sequence },
  {
    spec: { ...base('Concatenate'), axis: 1 },
    inputShape: [
      [2, 4, 3],
      [2, 2, 3],
    ],
  },
  {
    spec: base('Add'),
    inputShape: [
      [2, 3],
      [2, 3],
      [2, 3],
    ],
  },
  {
    spec: base('Multiply'),
    inputShape: [
      [2, 3],
      [2, 3],
    ],
  },
  { spec: { ...base('RepeatVector'), n: 3 }, inputShape: [2, 5] },
  { spec: { ...base('Reshape'), targetShape: [-1, 2] }, inputShape: [2, 3, 4] },
  {
    spec: {
      ...base('TimeDistributed'),
      layer: { ...child('Dense'), units: 2, activation: 'relu', useBias: false, kernelInitializer: 'heNormal' },
    },
    inputShape: sequence,
  },
  {
    spec: { ...base('Attention'), useScale: true, causal: true, returnScores: true, dropout: 0.25 },
    inputShape: [
      [2, 3, 4],
      [2, 5, 3],
      [2, 5, 4],
    ],
  },
  {
    spec: { ...base('AdditiveAttention'), useScale: false, causal: true, returnScores: true, dropout: 0.5 },
    inputShape: [
      [2, 4, 3],
      [2, 4, 3],
    ],
  },
  {
    spec: { ...base('Residual'), body: { ...child('Dense'), units: 4, activation: 'elu', useBias: false } },
    inputShape: [2, 4],
  },
  {
    spec: {
      ...base('Sequential'),
      layers: [
        { ...child('Dense'), units: 5, activation: 'gelu', kernelInitializer: 'heUniform' },
        { ...child('BatchNorm'), momentum: 0.5, epsilon: 1e-5 },
        { ...child('Dropout'), rate: 0.5 },
      ],
    },
    inputShape: [3, 4],
  },
  {
    spec: {
      ...base('Conv2D'),
      ...convolution,
      activation: 'softplus',
      useBias: false,
      kernelInitializer: initializer,
      biasInitializer: 'ones',
    },
    inputShape: image,
  },
  {
    spec: {
      ...base('SeparableConv2D'),
      ...convolution,
      depthMultiplier: 2,
      activation: 'selu',
      useBias: false,
      depthwiseInitializer: 'heNormal',
      pointwiseInitializer: initializer,
      biasInitializer: { name: 'constant', value: -0.5 },
    },
    inputShape: image,
  },
  { spec: { ...base('MaxPool2D'), ...pool }, inputShape: image },
  { spec: { ...base('AvgPool2D'), ...pool }, inputShape: image },
  { spec: { ...base('L2Pool2D'), ...pool }, inputShape: image },
  { spec: { ...base('GlobalAvgPool2D'), keepDims: true }, inputShape: image },
  { spec: { ...base('GlobalMaxPool2D'), keepDims: true }, inputShape: image },
  {
    spec: {
      ...base('ConvBlock'),
      ...convolution,
      kernelInitializer: 'heUniform',
      activation: 'leakyRelu',
      momentum: 0.7,
      epsilon: 0.5,
    },
    inputShape: image,
  },
  {
    spec: {
      ...base('ResidualBlock'),
      filters: 4,
      kernelSize: [3, 1],
      strides: [2, 1],
      activation: 'silu',
      projection: 'always',
    },
    inputShape: image,
  },
  { spec: { ...base('SimpleRNN'), ...recurrent, activation: 'relu' }, inputShape: sequence },
  {
    spec: { ...base('LSTM'), ...recurrent, forgetBias: -0.5, recurrentActivation: 'hardSigmoid' },
    inputShape: sequence,
  },
  {
    spec: {
      ...base('PeepholeLSTM'),
      ...recurrent,
      forgetBias: 2,
      recurrentActivation: 'hardSigmoid',
      peephole: 'full',
    },
    inputShape: sequence,
  },
  {
    spec: { ...base('CoupledLSTM'), ...recurrent, forgetBias: 0.5, recurrentActivation: 'hardSigmoid' },
    inputShape: sequence,
  },
  {
    spec: {
      ...base('GRU'),
      ...recurrent,
      resetAfter: false,
      updateBias: -1,
      recurrentActivation: 'hardSigmoid',
    },
    inputShape: sequence,
  },
  {
    spec: {
      ...base('Bidirectional'),
      merge: 'multiply',
      layer: { ...child('LSTM'), ...recurrent, forgetBias: 0.5, recurrentActivation: 'hardSigmoid' },
    },
    inputShape: sequence,
  },
  {
    spec: graphSpec(),
    inputShape: [
      [2, 3],
      [2, 3],
    ],
  },
  { spec: { ...base('GlobalAvgPool1D'), keepDims: true }, inputShape: sequence },
  { spec: { ...base('GlobalMaxPool1D'), keepDims: true }, inputShape: sequence },
  { spec: { ...base('UpSampling3D'), size: [1, 3, 2] }, inputShape: volume },
  {
    spec: {
      ...base('Conv3D'),
      filters: 3,
      kernelSize: [2, 1, 3],
      strides: [1, 2, 1],
      padding: 'full',
      dilations: [2, 1, 1],
      activation: 'elu',
      useBias: false,
      kernelInitializer: initializer,
      biasInitializer: 'ones',
    },
    inputShape: volume,
  },
  { spec: { ...base('MaxPool3D'), ...pool3d }, inputShape: volume },
  { spec: { ...base('AvgPool3D'), ...pool3d }, inputShape: volume },
  {
    spec: {
      ...base('Conv3DTranspose'),
      filters: 2,
      kernelSize: [3, 2, 1],
      strides: [2, 1, 3],
      padding: 'same',
      activation: 'hardSigmoid',
      useBias: false,
      kernelInitializer: initializer,
      biasInitializer: { name: 'constant', value: 0.5 },
    },
    inputShape: volume,
  },
];
