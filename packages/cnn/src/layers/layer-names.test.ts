import * as tf from '@tensorflow/tfjs-core';
import { Sequential, registeredLayerTypes, serializeModel } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import {
  AvgPool2D,
  Conv2D,
  ConvBlock,
  GlobalAvgPool2D,
  GlobalMaxPool2D,
  L2Pool2D,
  MaxPool2D,
  ResidualBlock,
  SeparableConv2D,
} from '../index.js';

test('type names are the class names, registered without a package prefix', () => {
  const layers = [
    new Conv2D({ filters: 1, kernelSize: 1 }),
    new SeparableConv2D({ filters: 1, kernelSize: 1 }),
    new MaxPool2D(),
    new AvgPool2D(),
    new L2Pool2D(),
    new GlobalAvgPool2D(),
    new GlobalMaxPool2D(),
    new ConvBlock({ filters: 1, kernelSize: 1 }),
    new ResidualBlock({ filters: 1 }),
  ];
  for (const layer of layers) expect(layer.typeName).toBe(layer.constructor.name);
  expect(registeredLayerTypes()).toEqual(expect.arrayContaining(layers.map((l) => l.typeName)));
});

test('automatic names as Keras writes them: conv2d_N, l2_pool2d_N, separable_conv2d_N', () => {
  expect(new Conv2D({ filters: 1, kernelSize: 1 }).name).toMatch(/^conv2d_\d+$/);
  expect(new L2Pool2D().name).toMatch(/^l2_pool2d_\d+$/);
  expect(new SeparableConv2D({ filters: 1, kernelSize: 1 }).name).toMatch(/^separable_conv2d_\d+$/);
  expect(new GlobalAvgPool2D().name).toMatch(/^global_avg_pool2d_\d+$/);
  expect(new ConvBlock({ filters: 1, kernelSize: 1 }).name).toMatch(/^conv_block_\d+$/);
});

test('making a ConvBlock makes no throwaway layers (its options are checked as data)', () => {
  const first = Number(new Conv2D({ filters: 1, kernelSize: 1 }).name.split('_').at(-1));
  new ConvBlock({ filters: 2, kernelSize: 3, padding: 'same' });
  new ResidualBlock({ filters: 2 });
  expect(new Conv2D({ filters: 1, kernelSize: 1 }).name).toBe(`conv2d_${first + 1}`);
});

describeEachBackend('saved weight paths', () => {
  test('carry the automatic names, and blocks name their parts after themselves', async () => {
    const model = new Sequential({
      seed: 3,
      layers: [
        new Conv2D({ filters: 2, kernelSize: 3, padding: 'same' }),
        new ConvBlock({ name: 'stem', filters: 2, kernelSize: 1 }),
        new ResidualBlock({ filters: 4 }),
      ],
    });
    const x = tf.zeros([1, 4, 4, 1]);
    model.apply(x).dispose();
    const { topology } = await serializeModel(model);
    const paths = topology.weights.map((w) => w.path);
    expect(paths.slice(0, 6)).toEqual([
      expect.stringMatching(/^conv2d_\d+\/kernel$/),
      expect.stringMatching(/^conv2d_\d+\/bias$/),
      'stem/conv/kernel',
      'stem/norm/gamma',
      'stem/norm/beta',
      'stem/norm/movingMean',
    ]);
    expect(paths).toContainEqual(expect.stringMatching(/^residual_block_\d+\/conv1\/conv\/kernel$/));
    expect(paths).toContainEqual(expect.stringMatching(/^residual_block_\d+\/projection\/norm\/gamma$/));
    x.dispose();
    model.dispose();
  });
});
