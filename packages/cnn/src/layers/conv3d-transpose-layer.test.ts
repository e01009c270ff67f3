import * as tf from '@tensorflow/tfjs-core';
import { layerFromConfig } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import { Conv3DTranspose, conv3dTranspose } from '../index.js';
import {
  conv3dByLoops,
  inputGradientByLoops,
  kernelGradientByLoops,
  type LoopGeometry,
} from '../../test/conv3d-by-loops.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';

type Triple = [number, number, number];
type Five = [number, number, number, number, number];

/**
 * The convolution whose input gradient the layer computes: its input is the layer's output
 * [N, outD, outH, outW, filters], its output the layer's input, its kernel the layer's
 * [kd, kh, kw, filters, inChannels]; 'same' crops floor(max(k - s, 0) / 2) in front.
 */
function adjointGeometry(xShape: Five, layer: Conv3DTranspose): LoopGeometry {
  const [k, s] = [layer.kernelSize, layer.strides];
  const volume = xShape.slice(1, 4) as Triple;
  const out = volume.map((n, a) => (layer.padding === 'same' ? n * s[a]! : (n - 1) * s[a]! + k[a]!)) as Triple;
  return {
    xShape: [xShape[0], ...out, layer.filters],
    wShape: [...k, layer.filters, xShape[4]],
    outSize: volume,
    strides: s,
    padBefore: k.map((size, a) => (layer.padding === 'same' ? Math.floor(Math.max(size - s[a]!, 0) / 2) : 0)) as Triple,
  };
}

const wave = (size: number, phase = 0): number[] => Array.from({ length: size }, (_, i) => Math.sin(0.7 * i + phase));
const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

describeEachBackend('Conv3DTranspose', () => {
  test.each([
    ['valid, kernel 3, strides 2, relu', { kernelSize: 3, strides: 2, activation: 'relu' }],
    ['same, kernel [2, 3, 3], strides [2, 1, 2]', { kernelSize: [2, 3, 3], strides: [2, 1, 2], padding: 'same' }],
    ['same, kernel 2, strides 1', { kernelSize: 2, padding: 'same' }],
  ] as const)('%s: the loop reference with the layer own weights, and the op', async (_label, options) => {
    const layer = new Conv3DTranspose({ filters: 2, biasInitializer: 'ones', seed: 1, ...options });
    const xShape: Five = [1, 2, 3, 2, 3];
    const x = tf.tensor(wave(sizeOf(xShape)), xShape);
    const y = layer.apply(x);
    const g = adjointGeometry(xShape, layer);
    expect(y.shape).toEqual(g.xShape);
    const kernel = layer.weight('kernel').read();
    const bias = layer.weight('bias').read();
    expect(kernel.shape).toEqual([...layer.kernelSize, 2, 3]);
    const raw = inputGradientByLoops(await kernel.data(), await x.data(), g).map((v) => v + 1);
    const relu = 'activation' in options;
    await expectTensorsClose(y, { shape: y.shape, data: relu ? raw.map((v) => Math.max(v, 0)) : raw }, { atol: 1e-4 });
    const viaOp = tf.tidy(() => {
      const out = conv3dTranspose(x, kernel, { strides: layer.strides, padding: layer.padding, bias });
      return relu ? tf.relu(out) : out;
    });
    await expectTensorsClose(y, viaOp);
    tf.dispose([x, y, viaOp]);
    layer.dispose();
  });

  test('gradients reach the kernel, the bias and the input (loop reference), and nothing leaks', async () => {
    const layer = new Conv3DTranspose({ filters: 2, kernelSize: [2, 2, 3], strides: 2, padding: 'same', seed: 2 });
    const xShape: Five = [2, 2, 2, 3, 2];
    const x = tf.tensor(wave(sizeOf(xShape)), xShape);
    layer.apply(x).dispose();
    const g = adjointGeometry(xShape, layer);
    const dyValues = wave(sizeOf(g.xShape), 0.3);
    const dy = tf.tensor(dyValues, g.xShape);
    const xValues = await x.data();
    const kernelValues = await layer.weight('kernel').read().data();
    const biasGradient = [0, 1].map((o) => dyValues.filter((_, i) => i % 2 === o).reduce((a, b) => a + b, 0));
    await expectNoLeakedTensors(async () => {
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x), dy)) as tf.Scalar);
      const kernel = layer.weight('kernel').variable;
      const bias = layer.weight('bias').variable;
      expect(Object.keys(grads).sort()).toEqual([bias.name, kernel.name].sort());
      await expectTensorsClose(grads[kernel.name] as tf.Tensor, {
        shape: kernel.shape,
        data: kernelGradientByLoops(dyValues, xValues, g),
      });
      await expectTensorsClose(grads[bias.name] as tf.Tensor, { shape: [2], data: biasGradient });
      return { value, grads };
    });
    await expectNoLeakedTensors(async () => {
      const dx = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(layer.apply(v), dy)))(x);
      await expectTensorsClose(dx, { shape: xShape, data: conv3dByLoops(dyValues, kernelValues, g) });
      return dx;
    });
    tf.dispose([x, dy]);
    layer.dispose();
  });
});

describe('Conv3DTranspose shapes, config and bad input', () => {
  test.each([
    ['valid', 1, [4, 5, 3]],
    ['valid', 2, [6, 8, 4]],
    ['valid', [1, 2, 3], [4, 8, 5]],
    ['same', 1, [3, 4, 2]],
    ['same', 2, [6, 8, 4]],
    ['same', [3, 1, 2], [9, 4, 4]],
  ] as ['valid' | 'same', number | Triple, Triple][])(
    'padding %s, strides %j: [1, 3, 4, 2, 2] -> %j',
    (padding, strides, volume) => {
      const layer = new Conv3DTranspose({ filters: 5, kernelSize: [2, 2, 2], padding, strides, seed: 3 });
      const y = layer.apply(tf.zeros([1, 3, 4, 2, 2]));
      expect(y.shape).toEqual([1, ...volume, 5]);
      expect(layer.countParams()).toBe(8 * 5 * 2 + 5);
      tf.dispose(y);
      layer.dispose();
    },
  );

  test('defaults and automatic name; getConfig round-trips with every option changed', () => {
    const plain = new Conv3DTranspose({ filters: 2, kernelSize: 2 });
    expect([plain.strides, plain.padding, plain.useBias, plain.activation]).toEqual([
      [1, 1, 1],
      'valid',
      true,
      'linear',
    ]);
    expect(plain.name).toMatch(/^conv3d_transpose_\d+$/);
    const layer = new Conv3DTranspose({
      filters: 3,
      kernelSize: [3, 1, 2],
      strides: [2, 1, 2],
      padding: 'same',
      activation: 'sigmoid',
      useBias: false,
      kernelInitializer: 'heUniform',
      biasInitializer: 'ones',
      name: 'decoder_up',
      trainable: false,
      seed: 6,
    });
    const config = layer.getConfig();
    expect(config).toMatchObject({ kernelSize: [3, 1, 2], strides: [2, 1, 2], padding: 'same', useBias: false });
    const copy = layerFromConfig(JSON.parse(JSON.stringify(config)));
    expect(copy).toBeInstanceOf(Conv3DTranspose);
    expect(copy.getConfig()).toEqual(config);
  });

  test.each([
    [{ filters: 0, kernelSize: 2 }, /^Conv3DTranspose: expected filters to be a positive integer, got 0/],
    [{ filters: 2 }, /^Conv3DTranspose: expected kernelSize to be .* \[depth, height, width\] triple, got undefined/],
    [{ filters: 2, kernelSize: 2, strides: [2, 2, 0] }, /^Conv3DTranspose: expected strides\[2\] to be a positive/],
    [
      { filters: 2, kernelSize: 2, padding: 'full' },
      /^Conv3DTranspose: expected padding to be one of 'valid', 'same', got "full"/,
    ],
    [{ filters: 2, kernelSize: 2, dilations: 2 }, /^Conv3DTranspose: unknown key 'dilations' in options/],
    [{ filters: 2, kernelSize: 2, activation: 'sigmoidd' }, /^Conv3DTranspose: unknown activation 'sigmoidd'/],
  ])('options %j', (options, message) => {
    expect(() => new Conv3DTranspose(options as never)).toThrow(message);
  });

  test('a rank-4 input and a channel change after build fail naming the layer, leaking nothing', () => {
    const layer = new Conv3DTranspose({ filters: 2, kernelSize: 2, seed: 7 });
    expectCleanThrow(
      () => [tf.zeros([1, 4, 4, 2])] as [tf.Tensor],
      (x) => layer.apply(x),
      /^Conv3DTranspose: expected input of rank 5 \(\[batch, depth, height, width, channels\]\), got rank 4/,
    );
    layer.apply(tf.zeros([1, 2, 2, 2, 3])).dispose();
    expectCleanThrow(
      () => [tf.zeros([1, 2, 2, 2, 4])] as [tf.Tensor],
      (x) => layer.apply(x),
      /^Conv3DTranspose.apply: layer 'conv3d_transpose_\d+' was built for input shape \[\*,2,2,2,3\], got/,
    );
    layer.dispose();
  });
});
