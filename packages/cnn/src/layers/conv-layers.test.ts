import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { Dense, Flatten, Sequential, fit, layerFromConfig, Adam } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
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
  conv2d,
} from '../index.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';

const softmaxLoss = (labels: tf.Tensor, logits: tf.Tensor): tf.Scalar =>
  tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;

/** Eight 8x8 one-channel images in two classes: a bright left or right half (learnable in a few steps). */
function halves(): { x: tf.Tensor; y: tf.Tensor } {
  return tf.tidy(() => {
    const left = tf.concat([tf.ones([4, 8, 4, 1]), tf.zeros([4, 8, 4, 1])], 2);
    const right = tf.reverse(left, 2);
    const x = tf.add(tf.concat([left, right], 0), tf.mul(tf.randomUniform([8, 8, 8, 1], 0, 1, 'float32', 5), 0.2));
    const y = tf.oneHot(tf.tensor1d([0, 0, 0, 0, 1, 1, 1, 1], 'int32'), 2);
    return { x, y };
  });
}

describeEachBackend('CNN layers', () => {
  test('Conv2D computes conv2d with its own kernel and bias; shapes and parameter count', async () => {
    const layer = new Conv2D({
      filters: 3,
      kernelSize: [3, 2],
      padding: 'full',
      dilations: 2,
      activation: 'relu',
      seed: 1,
    });
    const x = tf.randomUniform([2, 5, 5, 2], -1, 1, 'float32', 1);
    const y = layer.apply(x);
    expect(y.shape).toEqual([2, 9, 7, 3]);
    expect(layer.countParams()).toBe(3 * 2 * 2 * 3 + 3);
    const expected = tf.relu(
      conv2d(x, layer.weight('kernel').read(), { padding: 'full', dilations: 2, bias: layer.weight('bias').read() }),
    );
    await expectTensorsClose(y, expected);
    tf.dispose([x, y, expected]);
    layer.dispose();
  });

  test('SeparableConv2D, pooling and global pooling layers give the documented shapes', () => {
    const x = tf.zeros([2, 8, 8, 4]);
    const separable = new SeparableConv2D({ filters: 6, kernelSize: 3, depthMultiplier: 2, padding: 'same', seed: 2 });
    expect(separable.apply(x).shape).toEqual([2, 8, 8, 6]);
    expect(separable.countParams()).toBe(3 * 3 * 4 * 2 + 8 * 6 + 6);
    expect(new MaxPool2D().apply(x).shape).toEqual([2, 4, 4, 4]);
    expect(new AvgPool2D({ poolSize: 3, strides: 1, padding: 'same' }).apply(x).shape).toEqual([2, 8, 8, 4]);
    expect(new L2Pool2D({ poolSize: 3, strides: 2 }).apply(x).shape).toEqual([2, 3, 3, 4]);
    expect(new GlobalAvgPool2D().apply(x).shape).toEqual([2, 4]);
    expect(new GlobalMaxPool2D({ keepDims: true }).apply(x).shape).toEqual([2, 1, 1, 4]);
    separable.dispose();
    tf.dispose(x);
  });

  test('ConvBlock: batch statistics in training, running statistics at inference', async () => {
    const block = new ConvBlock({
      filters: 2,
      kernelSize: 3,
      padding: 'same',
      activation: 'linear',
      epsilon: 1e-6,
      momentum: 0.5,
      seed: 3,
    });
    const x = tf.randomUniform([4, 5, 5, 1], 0, 1, 'float32', 3);
    const trained = block.apply(x, { training: true });
    // In training mode each channel is normalised over batch and space: mean 0, variance 1.
    const { mean, variance } = tf.moments(trained, [0, 1, 2]);
    await expectTensorsClose(mean, [0, 0], { atol: 1e-4 });
    await expectTensorsClose(variance, [1, 1], { atol: 1e-3 });
    expect(block.children().map((c) => c.typeName)).toEqual(['Conv2D', 'BatchNorm']);
    expect(block.conv?.useBias).toBe(false);
    // At inference the running statistics (half-way from 0 / 1 to the batch's, momentum 0.5) are used.
    const raw = block.conv!.apply(x);
    const stats = tf.moments(raw, [0, 1, 2]);
    const runningMean = tf.mul(stats.mean, 0.5);
    const runningVariance = tf.add(tf.mul(stats.variance, 0.5), 0.5);
    const expected = tf.div(tf.sub(raw, runningMean), tf.sqrt(tf.add(runningVariance, 1e-6)));
    const inferred = block.apply(x);
    await expectTensorsClose(inferred, expected, { atol: 1e-4 });
    tf.dispose([
      x,
      trained,
      mean,
      variance,
      raw,
      stats.mean,
      stats.variance,
      runningMean,
      runningVariance,
      expected,
      inferred,
    ]);
    block.dispose();
  });

  test('ResidualBlock: identity shortcut when shapes agree, projection when they differ', () => {
    const same = new ResidualBlock({ filters: 4, seed: 4 });
    const wider = new ResidualBlock({ filters: 6, strides: 2, seed: 5 });
    const x = tf.zeros([2, 6, 6, 4]);
    expect(same.apply(x).shape).toEqual([2, 6, 6, 4]);
    expect(same.projects).toBe(false);
    expect(wider.apply(x).shape).toEqual([2, 3, 3, 6]);
    expect(wider.projects).toBe(true);
    // conv1 3x3x4x4 + BN(4: gamma, beta, mean, var) + conv2 3x3x4x4 + BN(4)
    expect(same.countParams()).toBe(2 * (9 * 16 + 16));
    same.dispose();
    wider.dispose();
    tf.dispose(x);
  });

  test('every layer trains: a conv / separable / residual / pooling stack lowers its loss with fit', async () => {
    const model = new Sequential({
      seed: 7,
      layers: [
        new ConvBlock({ filters: 3, kernelSize: 3, padding: 'same' }),
        new MaxPool2D(),
        new SeparableConv2D({ filters: 4, kernelSize: 3, padding: 'same', dilations: 2, activation: 'relu' }),
        new ResidualBlock({ filters: 4 }),
        new L2Pool2D(),
        new Conv2D({ filters: 4, kernelSize: 2, activation: 'relu' }),
        new GlobalAvgPool2D(),
        new Dense({ units: 2 }),
      ],
    });
    const { x, y } = halves();
    const history = await fit(
      model,
      { x, y },
      { loss: softmaxLoss, optimizer: new Adam({ learningRate: 0.02 }), epochs: 6, batchSize: 8, progress: 'none' },
    );
    const losses = history.get('loss');
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses.at(-1)).toBeLessThan((losses[0] as number) * 0.9);
    tf.dispose([x, y]);
    model.dispose();
  });

  test('layers leave no tensors behind when applied and differentiated', async () => {
    const layer = new Conv2D({ filters: 2, kernelSize: 3, dilations: 2, padding: 'same', seed: 8 });
    const x = tf.ones([1, 5, 5, 1]);
    layer.apply(x).dispose(); // build first: its weights are meant to stay
    await expectNoLeakedTensors(() => tf.variableGrads(() => tf.sum(layer.apply(x)) as tf.Scalar));
    layer.dispose();
    x.dispose();
  });
});

describe('layer configs round-trip through layerFromConfig', () => {
  test.each([
    () =>
      new Conv2D({
        filters: 2,
        kernelSize: [3, 1],
        strides: 2,
        padding: 'full',
        dilations: [1, 2],
        activation: 'relu',
      }),
    () => new SeparableConv2D({ filters: 2, kernelSize: 3, depthMultiplier: 3 }),
    () => new L2Pool2D({ poolSize: 3, strides: 1, padding: 'same' }),
    () => new GlobalMaxPool2D({ keepDims: true }),
    () => new ConvBlock({ filters: 2, kernelSize: 3, momentum: 0.9, activation: 'tanh' }),
    () => new ResidualBlock({ filters: 4, projection: 'always' }),
  ])('config %#', (make) => {
    const layer = make();
    const config = layer.getConfig();
    const copy = layerFromConfig(JSON.parse(JSON.stringify(config)));
    expect(copy.getConfig()).toEqual({ ...config, name: copy.name });
    expect(copy.typeName).toBe(layer.typeName);
  });
});

describe('CNN layer bad input', () => {
  test.each([
    [
      'filters 0',
      () => new Conv2D({ filters: 0, kernelSize: 3 }),
      /Conv2D: expected filters to be a positive integer, got 0/,
    ],
    [
      'kernelSize missing',
      () => new Conv2D({ filters: 2 } as never),
      /Conv2D: expected kernelSize to be a positive integer or a \[height, width\] pair, got undefined/,
    ],
    [
      'unknown activation',
      () => new Conv2D({ filters: 2, kernelSize: 3, activation: 'swishy' }),
      /^Conv2D: unknown activation 'swishy' \(did you mean 'swish'\? known: .*relu/,
    ],
    [
      'negative dilation',
      () => new SeparableConv2D({ filters: 2, kernelSize: 3, dilations: -1 }),
      /SeparableConv2D: expected dilations to be a positive integer, got -1/,
    ],
    [
      'pool padding full',
      () => new MaxPool2D({ padding: 'full' as 'same' }),
      /MaxPool2D: expected padding to be one of 'valid', 'same', got "full"/,
    ],
    [
      // Checked by the block itself, as data (no throwaway Conv2D or BatchNorm is made).
      'ConvBlock momentum 2',
      () => new ConvBlock({ filters: 2, kernelSize: 3, momentum: 2 }),
      /^ConvBlock: expected momentum in \[0, 1\], got 2/,
    ],
    ['ConvBlock filters 0', () => new ConvBlock({ filters: 0, kernelSize: 3 }), /^ConvBlock: expected filters to be/],
    [
      'ConvBlock kernel initialiser',
      () => new ConvBlock({ filters: 2, kernelSize: 3, kernelInitializer: 'heNorml' }),
      /resolveInitializer: unknown initializer "heNorml"/,
    ],
    [
      'ResidualBlock projection',
      () => new ResidualBlock({ filters: 2, projection: 'never' as 'auto' }),
      /ResidualBlock: expected projection to be one of 'auto', 'always', got "never"/,
    ],
  ])('%s', (_label, make, message) => {
    expect(make).toThrow(message);
  });

  test('Conv2D on a rank-3 input and a channel change after build fail clearly', () => {
    const layer = new Conv2D({ filters: 2, kernelSize: 3, seed: 9 });
    expectCleanThrow(
      () => [tf.zeros([5, 5, 1])] as [tf.Tensor],
      (x) => layer.apply(x as tf.Tensor),
      /Conv2D: expected input of rank 4 \(\[batch, height, width, channels\]\), got rank 3/,
    );
    layer.apply(tf.zeros([1, 5, 5, 1])).dispose();
    expectCleanThrow(
      () => [tf.zeros([1, 5, 5, 2])] as [tf.Tensor],
      (x) => layer.apply(x as tf.Tensor),
      /Conv2D.apply: layer 'conv2d_\d+' was built for input shape \[\*,5,5,1\], got \[1,5,5,2\]/,
    );
    layer.dispose();
  });

  test('Flatten after a valid conv that no longer fits: the conv names itself', () => {
    const model = new Sequential({ layers: [new Conv2D({ filters: 1, kernelSize: 7 }), new Flatten()] });
    expect(() => model.apply(tf.zeros([1, 5, 5, 1]))).toThrow(/conv2d: kernel 7x7 is larger than the input 5x5/);
  });
});
