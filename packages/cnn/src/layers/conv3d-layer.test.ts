import * as tf from '@tensorflow/tfjs-core';
import { layerFromConfig } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import { Conv3D, conv3d, convAxisGeometry } from '../index.js';
import type { ConvPadding } from '../ops/conv-checks.js';
import {
  conv3dByLoops,
  inputGradientByLoops,
  kernelGradientByLoops,
  type LoopGeometry,
} from '../../test/conv3d-by-loops.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';

type Triple = [number, number, number];
type Five = [number, number, number, number, number];

/** Output sizes and front padding per axis, from the 2-D ops' one-axis geometry. */
function geometryOf(xShape: Five, layer: Conv3D): LoopGeometry {
  const axes = [0, 1, 2].map((a) =>
    convAxisGeometry(xShape[a + 1] as number, layer.kernelSize[a] as number, {
      padding: layer.padding,
      stride: layer.strides[a],
      dilation: layer.dilations[a],
    }),
  );
  return {
    xShape,
    wShape: [...layer.kernelSize, xShape[4], layer.filters],
    outSize: axes.map((g) => g.outputSize) as Triple,
    padBefore: axes.map((g) => g.padBefore) as Triple,
    strides: layer.strides,
    dilations: layer.dilations,
  };
}

/** Values of both signs, varied along every axis. */
const wave = (size: number, phase = 0): number[] => Array.from({ length: size }, (_, i) => Math.sin(0.9 * i + phase));

describeEachBackend('Conv3D', () => {
  test.each([
    ['full, dilations [1, 2, 1], relu', { padding: 'full', dilations: [1, 2, 1], activation: 'relu' }],
    ['same, strides [2, 1, 2]', { padding: 'same', strides: [2, 1, 2] }],
    ['valid, strides 2', { padding: 'valid', strides: 2 }],
  ] as const)('%s: the loop reference with the layer own weights, and the op', async (_label, options) => {
    const layer = new Conv3D({ filters: 2, kernelSize: [2, 3, 2], biasInitializer: 'ones', seed: 1, ...options });
    const xShape: Five = [1, 3, 5, 4, 2];
    const x = tf.tensor(wave(120), xShape);
    const y = layer.apply(x);
    const g = geometryOf(xShape, layer);
    expect(y.shape).toEqual([1, ...g.outSize, 2]);
    const kernel = layer.weight('kernel').read();
    const bias = layer.weight('bias').read();
    expect(kernel.shape).toEqual([2, 3, 2, 2, 2]);
    const raw = conv3dByLoops(await x.data(), await kernel.data(), g).map((v) => v + 1);
    const expected = 'activation' in options ? raw.map((v) => Math.max(v, 0)) : raw;
    await expectTensorsClose(y, { shape: y.shape, data: expected }, { atol: 1e-4 });
    const { activation: _activation, ...geometry } = { activation: undefined, ...options };
    const viaOp = tf.tidy(() => {
      const out = conv3d(x, kernel, { ...geometry, bias });
      return 'activation' in options ? tf.relu(out) : out;
    });
    await expectTensorsClose(y, viaOp);
    tf.dispose([x, y, viaOp]);
    layer.dispose();
  });

  test('gradients reach the kernel, the bias and the input (loop reference), and nothing leaks', async () => {
    const layer = new Conv3D({ filters: 3, kernelSize: 2, strides: 2, padding: 'same', seed: 2 });
    const xShape: Five = [2, 3, 4, 3, 2];
    const x = tf.tensor(wave(144), xShape);
    layer.apply(x).dispose();
    const g = geometryOf(xShape, layer);
    const dyShape = [2, ...g.outSize, 3];
    const dyValues = wave(
      dyShape.reduce((a, b) => a * b, 1),
      0.4,
    );
    const dy = tf.tensor(dyValues, dyShape);
    const xValues = await x.data();
    const kernelValues = await layer.weight('kernel').read().data();
    const biasGradient = [0, 1, 2].map((o) => dyValues.filter((_, i) => i % 3 === o).reduce((a, b) => a + b, 0));
    await expectNoLeakedTensors(async () => {
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x), dy)) as tf.Scalar);
      const kernel = layer.weight('kernel').variable;
      const bias = layer.weight('bias').variable;
      expect(Object.keys(grads).sort()).toEqual([bias.name, kernel.name].sort());
      await expectTensorsClose(grads[kernel.name] as tf.Tensor, {
        shape: kernel.shape,
        data: kernelGradientByLoops(xValues, dyValues, g),
      });
      await expectTensorsClose(grads[bias.name] as tf.Tensor, { shape: [3], data: biasGradient });
      return { value, grads };
    });
    await expectNoLeakedTensors(async () => {
      const dx = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(layer.apply(v), dy)))(x);
      await expectTensorsClose(dx, { shape: xShape, data: inputGradientByLoops(kernelValues, dyValues, g) });
      return dx;
    });
    tf.dispose([x, dy]);
    layer.dispose();
  });
});

describe('Conv3D shapes, config and bad input', () => {
  const paddings: ConvPadding[] = ['valid', 'same', 'full'];
  const steps: [number | Triple, number | Triple][] = [
    [1, 1],
    [2, 1],
    [[1, 2, 3], 1],
    [1, [2, 1, 2]],
    [2, 2],
  ];
  test.each(paddings.flatMap((padding) => steps.map(([strides, dilations]) => [padding, strides, dilations] as const)))(
    'padding %s, strides %j, dilations %j: each axis as convOutputSize says',
    (padding, strides, dilations) => {
      const layer = new Conv3D({ filters: 4, kernelSize: [3, 2, 1], padding, strides, dilations, seed: 3 });
      const xShape: Five = [2, 7, 6, 5, 3];
      const y = layer.apply(tf.zeros(xShape));
      expect(y.shape).toEqual([2, ...geometryOf(xShape, layer).outSize, 4]);
      expect(layer.countParams()).toBe(3 * 2 * 1 * 3 * 4 + 4);
      tf.dispose(y);
      layer.dispose();
    },
  );

  test('defaults; Glorot fans count kd kh kw inChannels; getConfig round-trips with every option changed', async () => {
    const plain = new Conv3D({ filters: 2, kernelSize: 3 });
    expect([plain.strides, plain.dilations, plain.padding, plain.useBias]).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      'valid',
      true,
    ]);
    expect(plain.name).toMatch(/^conv3d_\d+$/);
    const wide = new Conv3D({ filters: 16, kernelSize: 3, seed: 5 });
    wide.apply(tf.zeros([1, 3, 3, 3, 8])).dispose();
    // Glorot uniform: |w| <= sqrt(6 / (27 * 8 + 27 * 16)) = 0.0962.
    const largest = tf.max(tf.abs(wide.weight('kernel').read()));
    const limit = Math.sqrt(6 / (27 * 8 + 27 * 16));
    expect(await largest.data()).toSatisfy(
      (v: Float32Array) => (v[0] as number) <= limit && (v[0] as number) > 0.8 * limit,
    );
    largest.dispose();
    wide.dispose();
    const layer = new Conv3D({
      filters: 3,
      kernelSize: [3, 1, 2],
      strides: [2, 1, 1],
      padding: 'full',
      dilations: [1, 2, 1],
      activation: 'tanh',
      useBias: false,
      kernelInitializer: 'heNormal',
      biasInitializer: 'ones',
      name: 'cube',
      trainable: false,
      seed: 6,
    });
    const config = layer.getConfig();
    expect(config).toMatchObject({ kernelSize: [3, 1, 2], strides: [2, 1, 1], dilations: [1, 2, 1], useBias: false });
    const copy = layerFromConfig(JSON.parse(JSON.stringify(config)));
    expect(copy).toBeInstanceOf(Conv3D);
    expect(copy.getConfig()).toEqual(config);
  });

  test.each([
    [{ filters: 0, kernelSize: 3 }, /^Conv3D: expected filters to be a positive integer, got 0/],
    [
      { filters: 2 },
      /^Conv3D: expected kernelSize to be a positive integer or a \[depth, height, width\] triple, got undefined/,
    ],
    [{ filters: 2, kernelSize: [3, 3] }, /^Conv3D: expected kernelSize to be .* triple, got \[3,3\]/],
    [
      { filters: 2, kernelSize: 3, strides: [1, 0, 1] },
      /^Conv3D: expected strides\[1\] to be a positive integer, got 0/,
    ],
    [{ filters: 2, kernelSize: 3, dilations: -1 }, /^Conv3D: expected dilations to be a positive integer, got -1/],
    [
      { filters: 2, kernelSize: 3, padding: 'causal' },
      /^Conv3D: expected padding to be one of 'valid', 'same', 'full', got "causal"/,
    ],
    [{ filters: 2, kernelSize: 3, activation: 'rellu' }, /^Conv3D: unknown activation 'rellu' \(did you mean 'relu'\?/],
    [{ filters: 2, kernelSize: 3, kernelInitializer: 'heNorml' }, /resolveInitializer: unknown initializer "heNorml"/],
    [{ filters: 2, kernel_size: 3 }, /^Conv3D: unknown key 'kernel_size' in options/],
  ])('options %j', (options, message) => {
    expect(() => new Conv3D(options as never)).toThrow(message);
  });

  test('rank 4, a kernel larger than the input, a channel change: errors name Conv3D, nothing leaks', () => {
    const layer = new Conv3D({ filters: 2, kernelSize: 3, seed: 7 });
    expectCleanThrow(
      () => [tf.zeros([1, 5, 5, 1])] as [tf.Tensor],
      (x) => layer.apply(x),
      /^Conv3D: expected input of rank 5 \(\[batch, depth, height, width, channels\]\), got rank 4/,
    );
    const dilated = new Conv3D({ filters: 2, kernelSize: 2, dilations: [1, 3, 1], seed: 7 });
    expectCleanThrow(
      () => [tf.zeros([1, 4, 3, 4, 1])] as [tf.Tensor],
      (x) => dilated.apply(x),
      /^Conv3D: effective kernel 2x4x2 is larger than the input 4x3x4 \(shape \[1,4,3,4,1\]\) with padding 'valid'/,
    );
    layer.apply(tf.zeros([1, 3, 4, 5, 1])).dispose();
    expectCleanThrow(
      () => [tf.zeros([1, 3, 4, 5, 2])] as [tf.Tensor],
      (x) => layer.apply(x),
      /^Conv3D.apply: layer 'conv3d_\d+' was built for input shape \[\*,3,4,5,1\], got \[1,3,4,5,2\]/,
    );
    layer.dispose();
  });
});
