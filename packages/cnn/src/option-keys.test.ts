import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import {
  AvgPool2D,
  Conv2D,
  ConvBlock,
  GlobalAvgPool2D,
  L2Pool2D,
  MaxPool2D,
  ResidualBlock,
  SeparableConv2D,
  avgPool2d,
  conv2d,
  convOutputSize,
  createAugmenter,
  depthwiseConv2d,
  freezeLayers,
  globalMaxPool2d,
  l2Pool2d,
  lenet5,
  maxPool2d,
  randomAffine,
  randomCrop,
  separableConv2d,
} from './index.js';

// Operands, made in each test once the backend is chosen (and disposed after it).
const operands: Record<'image' | 'filter' | 'depthwise' | 'pointwise', tf.Tensor> = {} as never;
const x = () => operands.image;
const w = () => operands.filter;
const random = createRandom(1);

// Each case: a call with one mistyped key (often the Keras or PyTorch spelling), and its error.
const cases: [string, () => unknown, RegExp][] = [
  [
    'conv2d',
    () => conv2d(x(), w(), { stride: 2 } as never),
    /^conv2d: unknown key 'stride' in options \(did you mean 'strides'\?/,
  ],
  [
    'depthwiseConv2d',
    () => depthwiseConv2d(x(), w(), { dilation: 2 } as never),
    /^depthwiseConv2d: unknown key 'dilation' in options \(did you mean 'dilations'\?/,
  ],
  [
    'separableConv2d',
    () => separableConv2d(x(), operands.depthwise, operands.pointwise, { paddng: 'same' } as never),
    /^separableConv2d: unknown key 'paddng' in options \(did you mean 'padding'\?/,
  ],
  [
    'maxPool2d',
    () => maxPool2d(x(), { poolSize: 2, pool_size: 2 } as never),
    /^maxPool2d: unknown key 'pool_size' in options \(did you mean 'poolSize'\?/,
  ],
  [
    'avgPool2d',
    () => avgPool2d(x(), { poolSize: 2, stride: 1 } as never),
    /^avgPool2d: unknown key 'stride' in options \(did you mean 'strides'\?/,
  ],
  [
    'l2Pool2d',
    () => l2Pool2d(x(), { poolSize: 2, paddin: 'same' } as never),
    /^l2Pool2d: unknown key 'paddin' in options/,
  ],
  [
    'globalMaxPool2d',
    () => globalMaxPool2d(x(), { keepDim: true } as never),
    /^globalMaxPool2d: unknown key 'keepDim' in options \(did you mean 'keepDims'\?/,
  ],
  [
    'convOutputSize',
    () => convOutputSize(28, 5, { strides: 2 } as never),
    /^convOutputSize: unknown key 'strides' in options \(did you mean 'stride'\?/,
  ],
  [
    'Conv2D',
    () => new Conv2D({ filters: 2, kernel_size: 3 } as never),
    /^Conv2D: unknown key 'kernel_size' in options \(did you mean 'kernelSize'\?/,
  ],
  [
    'SeparableConv2D',
    () => new SeparableConv2D({ filters: 2, kernelSize: 3, depthMultiplyer: 2 } as never),
    /^SeparableConv2D: unknown key 'depthMultiplyer' in options \(did you mean 'depthMultiplier'\?/,
  ],
  [
    'MaxPool2D',
    () => new MaxPool2D({ poolsize: 3 } as never),
    /^MaxPool2D: unknown key 'poolsize' in options \(did you mean 'poolSize'\?/,
  ],
  ['AvgPool2D', () => new AvgPool2D({ stride: 1 } as never), /^AvgPool2D: unknown key 'stride' in options/],
  [
    'L2Pool2D',
    () => new L2Pool2D({ padding: 'same', nme: 'p' } as never),
    /^L2Pool2D: unknown key 'nme' in options \(did you mean 'name'\?/,
  ],
  [
    'GlobalAvgPool2D',
    () => new GlobalAvgPool2D({ keepdims: true } as never),
    /^GlobalAvgPool2D: unknown key 'keepdims' in options \(did you mean 'keepDims'\?/,
  ],
  [
    'ConvBlock',
    () => new ConvBlock({ filters: 2, kernelSize: 3, useBias: true } as never),
    /^ConvBlock: unknown key 'useBias' in options/,
  ],
  [
    'ConvBlock momentum',
    () => new ConvBlock({ filters: 2, kernelSize: 3, momentun: 0.9 } as never),
    /^ConvBlock: unknown key 'momentun' in options \(did you mean 'momentum'\?/,
  ],
  [
    'ResidualBlock',
    () => new ResidualBlock({ filters: 2, projections: 'always' } as never),
    /^ResidualBlock: unknown key 'projections' in options \(did you mean 'projection'\?/,
  ],
  [
    'lenet5',
    () => lenet5({ pool: 'avg' } as never),
    /^lenet5: unknown key 'pool' in options \(did you mean 'pooling'\?/,
  ],
  [
    'freezeLayers',
    () => freezeLayers(lenet5(), { upto: 2 } as never),
    /^freezeLayers: unknown key 'upto' in selection \(did you mean 'upTo'\?/,
  ],
  [
    'randomAffine',
    () => randomAffine(x(), { rotate: 10 } as never, random),
    /^randomAffine: unknown key 'rotate' in options \(did you mean 'rotation'\?/,
  ],
  ['randomCrop', () => randomCrop(x(), { pad: 1 } as never, random), /^randomCrop: unknown key 'pad' in options/],
  [
    'createAugmenter',
    () => createAugmenter({ zooom: 0.1 } as never),
    /^createAugmenter: unknown key 'zooom' in options \(did you mean 'zoom'\?/,
  ],
  [
    'createAugmenter crop',
    () => createAugmenter({ crop: { paddin: 2 } } as never),
    /^createAugmenter: unknown key 'paddin' in options\.crop \(did you mean 'padding'\?/,
  ],
];

describeEachBackend(
  'unknown option keys',
  () => {
    const makeOperands = (): void => {
      operands.image = tf.ones([1, 4, 4, 2]);
      operands.filter = tf.ones([3, 3, 2, 1]);
      operands.depthwise = tf.ones([3, 3, 2, 1]);
      operands.pointwise = tf.ones([1, 1, 2, 3]);
    };

    test.each(cases)('%s refuses an unknown key, suggesting the closest', (_name, call, message) => {
      makeOperands();
      const before = tf.memory().numTensors;
      try {
        expect(call).toThrow(message);
        expect(tf.memory().numTensors).toBe(before);
      } finally {
        tf.dispose(Object.values(operands));
      }
    });

    test('100 refused calls leak no tensor', () => {
      makeOperands();
      const before = tf.memory().numTensors;
      try {
        for (let i = 0; i < 100; i++) for (const [, call] of cases) expect(call).toThrow();
        expect(tf.memory().numTensors).toBe(before);
      } finally {
        tf.dispose(Object.values(operands));
      }
    });
  },
  { backends: ['cpu'] },
);
