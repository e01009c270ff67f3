import * as tf from '@tensorflow/tfjs-core';
import {
  AvgPool2D,
  AvgPool3D,
  Conv2D,
  Conv3D,
  Conv3DTranspose,
  GlobalAvgPool2D,
  L2Pool2D,
  MaxPool2D,
  MaxPool3D,
  SeparableConv2D,
  UpSampling3D,
} from '@baihua/cnn';
import { Bidirectional, CoupledLSTM, GRU, LSTM, PeepholeLSTM, SimpleRNN } from '@baihua/rnn';
import { BatchNorm, Dense, Dropout, Flatten, type Layer, LayerNorm, Reshape, Sequential } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { test } from 'vitest';
import { exportOnnx } from '../export/export-onnx.js';
import { importOnnx } from './import-onnx.js';

interface RoundTripCase {
  title: string;
  make: () => Sequential;
  inputShape: number[];
}

const cases: RoundTripCase[] = [
  {
    title: 'MLP: Flatten, Dense relu, Dropout, Dense tanh, Reshape, Dense softmax',
    inputShape: [3, 4, 3],
    make: () =>
      new Sequential({
        seed: 3,
        layers: [
          new Flatten(),
          new Dense({ units: 8, activation: 'relu' }),
          new Dropout({ rate: 0.5 }),
          new Dense({ units: 6, activation: 'tanh' }),
          new Reshape({ targetShape: [2, 3] }),
          new Dense({ units: 4, activation: 'softmax' }),
        ],
      }),
  },
  {
    title: 'every built-in activation, each in a Dense layer',
    inputShape: [5, 4],
    make: () =>
      new Sequential({
        seed: 9,
        layers: ['sigmoid', 'elu', 'leakyRelu', 'selu', 'softplus', 'silu', 'gelu', 'hardSigmoid', 'logSoftmax'].map(
          (activation) => new Dense({ units: 4, activation }),
        ),
      }),
  },
  {
    title: "CNN (NHWC): Conv2D 'same' relu, MaxPool2D, Conv2D 'valid' stride 2, AvgPool2D, Flatten, Dense",
    inputShape: [2, 9, 9, 2],
    make: () =>
      new Sequential({
        seed: 5,
        layers: [
          new Conv2D({ filters: 3, kernelSize: 3, padding: 'same', activation: 'relu' }),
          new MaxPool2D({ poolSize: 2, strides: 1 }),
          new Conv2D({ filters: 4, kernelSize: 3, strides: 2 }),
          new AvgPool2D({ poolSize: 2 }),
          new Flatten(),
          new Dense({ units: 3 }),
        ],
      }),
  },
  {
    title: "CNN: Conv2D 'full' with dilation 2, L2Pool2D 'same', GlobalAvgPool2D, Dense sigmoid",
    inputShape: [2, 7, 7, 3],
    make: () =>
      new Sequential({
        seed: 6,
        layers: [
          new Conv2D({ filters: 4, kernelSize: 3, padding: 'full', dilations: 2, activation: 'tanh' }),
          new L2Pool2D({ poolSize: 3, strides: 2, padding: 'same' }),
          new GlobalAvgPool2D(),
          new Dense({ units: 2, activation: 'sigmoid' }),
        ],
      }),
  },
  {
    title: "SeparableConv2D 'same' multiplier 2 relu, SeparableConv2D 'valid' stride 2 no bias (grouped Conv)",
    inputShape: [2, 7, 7, 3],
    make: () =>
      new Sequential({
        seed: 14,
        layers: [
          new SeparableConv2D({ filters: 4, kernelSize: 3, padding: 'same', depthMultiplier: 2, activation: 'relu' }),
          new SeparableConv2D({ filters: 2, kernelSize: 2, strides: 2, useBias: false }),
          new Flatten(),
          new Dense({ units: 2 }),
        ],
      }),
  },
  {
    title: "volumes: Conv3D 'same' relu, MaxPool3D, Conv3D 'valid' stride 2, AvgPool3D 'same', Flatten, Dense",
    inputShape: [2, 6, 7, 7, 2],
    make: () =>
      new Sequential({
        seed: 15,
        layers: [
          new Conv3D({ filters: 3, kernelSize: 3, padding: 'same', activation: 'relu' }),
          new MaxPool3D({ poolSize: 2, strides: 1 }),
          new Conv3D({ filters: 2, kernelSize: [2, 3, 3], strides: 2 }),
          new AvgPool3D({ poolSize: 2, padding: 'same' }),
          new Flatten(),
          new Dense({ units: 2 }),
        ],
      }),
  },
  {
    title: "volumes: Conv3DTranspose 'same' k 3 s 2, Conv3DTranspose 'valid' relu, UpSampling3D, Flatten, Dense",
    inputShape: [2, 3, 2, 3, 2],
    make: () =>
      new Sequential({
        seed: 16,
        layers: [
          new Conv3DTranspose({ filters: 3, kernelSize: 3, strides: 2, padding: 'same' }),
          new Conv3DTranspose({ filters: 2, kernelSize: [2, 1, 2], activation: 'relu', useBias: false }),
          new UpSampling3D({ size: [1, 2, 3] }),
          new Flatten(),
          new Dense({ units: 2 }),
        ],
      }),
  },
  {
    title: 'BatchNorm with running statistics (exported as Mul + Add), LayerNorm, between Dense layers',
    inputShape: [4, 6],
    make: () => {
      const model = new Sequential({
        seed: 12,
        layers: [new Dense({ units: 5 }), new BatchNorm({ epsilon: 1e-3 }), new LayerNorm(), new Dense({ units: 2 })],
      });
      tf.tidy(() => {
        model.apply(tf.zeros([1, 6]));
      });
      const bn = model.layers[1] as BatchNorm;
      for (const [name, low] of [
        ['movingMean', -1],
        ['movingVariance', 0.5],
        ['gamma', 0.5],
        ['beta', -0.5],
      ] as const)
        tf.tidy(() => bn.weight(name).assign(tf.randomUniform([5], low, low + 1, 'float32', name.length)));
      return model;
    },
  },
  {
    title: 'CNN with BatchNorm between convolutions',
    inputShape: [2, 6, 6, 2],
    make: () =>
      new Sequential({
        seed: 13,
        layers: [
          new Conv2D({ filters: 3, kernelSize: 3, padding: 'same' }),
          new BatchNorm(),
          new Conv2D({ filters: 2, kernelSize: 3, activation: 'relu' }),
          new Flatten(),
          new Dense({ units: 2 }),
        ],
      }),
  },
  ...[
    ['LSTM, every step', () => new LSTM({ units: 4, returnSequences: true })],
    ['LSTM, last step only, reversed', () => new LSTM({ units: 4, reverse: true })],
    ['GRU reset-before (the seed)', () => new GRU({ units: 4, returnSequences: true, resetAfter: false })],
    ['GRU reset-after, last step', () => new GRU({ units: 4, resetAfter: true })],
    ['peephole LSTM', () => new PeepholeLSTM({ units: 4, returnSequences: true })],
    ['coupled LSTM', () => new CoupledLSTM({ units: 4, returnSequences: true })],
    [
      'GRU with hardSigmoid gates',
      () => new GRU({ units: 4, returnSequences: true, recurrentActivation: 'hardSigmoid' }),
    ],
    ['SimpleRNN relu', () => new SimpleRNN({ units: 4, returnSequences: true, activation: 'relu' })],
    ['Bidirectional LSTM (concat)', () => new Bidirectional({ layer: new LSTM({ units: 3, returnSequences: true }) })],
    ['Bidirectional GRU, last step', () => new Bidirectional({ layer: new GRU({ units: 3 }) })],
  ].map(
    ([title, make]): RoundTripCase => ({
      title: `${title}, then Dense`,
      inputShape: [2, 5, 3],
      make: () => new Sequential({ seed: 8, layers: [(make as () => Layer)(), new Dense({ units: 2 })] }),
    }),
  ),
];

// exportOnnx reads the weights synchronously (dataSync), which the WebGPU backend cannot do in Node
// ("OffscreenCanvas is not defined"): the round trip runs on cpu and wasm; importing on WebGPU is
// covered by the other import tests.
describeEachBackend(
  'importOnnx(exportOnnx(model)) computes what the model computes',
  () => {
    for (const c of cases) {
      test(c.title, async () => {
        await expectNoLeakedTensors(async () => {
          const model = c.make();
          const x = tf.randomNormal(c.inputShape, 0, 1, 'float32', 11);
          let imported: Layer | undefined;
          try {
            const expected = model.apply(x);
            imported = importOnnx(exportOnnx(model));
            const actual = imported.apply(x) as tf.Tensor;
            try {
              await expectTensorsClose(actual, expected, { rtol: 0, atol: 1e-5 });
            } finally {
              tf.dispose([expected, actual]);
            }
          } finally {
            x.dispose();
            model.dispose();
            imported?.dispose();
          }
        });
      });
    }
  },
  { backends: ['cpu', 'wasm'] },
);
