import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { createRandom, useBackend } from '@baihua/core';
import { expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { registerCnnKernels } from '../index.js';
import { exactMaxPoolGradKernel } from './wasm-max-pool-grad.js';
import { im2colLimits } from './wasm-conv2d-backprop-filter.js';
import { dilateFilter } from '../ops/dilate-filter.js';

type Operand = { shape: number[]; data: Float32Array };

function random(shape: number[], seed: number): Operand {
  const rng = createRandom(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return { shape, data: Float32Array.from({ length: size }, () => rng.next() * 2 - 1) };
}

/** Runs one kernel on a backend with the same operands; returns the output's values and shape. */
async function runOn(
  backend: 'cpu' | 'wasm',
  kernel: string,
  operands: Record<string, Operand>,
  attrs: object,
): Promise<tf.Tensor> {
  await useBackend(backend);
  const inputs = Object.fromEntries(Object.entries(operands).map(([k, v]) => [k, tf.tensor(v.data, v.shape)]));
  const out = tf.engine().runKernel(kernel, inputs, attrs as tf.NamedAttrMap) as tf.Tensor;
  const copy = tf.tensor(await out.data(), out.shape);
  tf.dispose([...Object.values(inputs), out]);
  return copy;
}

/** The wasm result must match the cpu backend's on the same inputs. */
async function expectWasmMatchesCpu(
  cpuKernel: string,
  wasmKernel: string,
  operands: Record<string, Operand>,
  attrs: object,
): Promise<void> {
  const expected = await runOn('cpu', cpuKernel, operands, attrs);
  const expectedValues = { shape: expected.shape, data: Array.from(await expected.data()) };
  expected.dispose();
  const actual = await runOn('wasm', wasmKernel, operands, attrs);
  await expectTensorsClose(actual, expectedValues);
  actual.dispose();
}

describe('wasm training kernels match the cpu backend', () => {
  test('they are registered once; a second call adds nothing', () => {
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeDefined();
    expect(tf.getKernel(tf.DepthwiseConv2dNativeBackpropInput, 'wasm')).toBeDefined();
    expect(tf.getKernel(tf.DepthwiseConv2dNativeBackpropFilter, 'wasm')).toBeDefined();
    expect(tf.getKernel(exactMaxPoolGradKernel, 'wasm')).toBeDefined();
    expect(tf.getKernel(exactMaxPoolGradKernel, 'webgpu')).toBeDefined();
    expect(registerCnnKernels()).toBe(0);
  });

  const convCases: [string, number[], number[], object][] = [
    ['valid, stride 1', [2, 7, 6, 3], [3, 3, 3, 4], { strides: 1, pad: 'valid' }],
    ['same, stride 2, even kernel', [2, 7, 6, 3], [4, 2, 3, 2], { strides: [2, 1], pad: 'same' }],
    [
      'explicit (full) padding',
      [1, 5, 5, 2],
      [3, 3, 2, 3],
      {
        strides: 1,
        pad: [
          [0, 0],
          [2, 2],
          [2, 2],
          [0, 0],
        ],
      },
    ],
    ['one channel, 5x5 (LeNet C1)', [4, 32, 32, 1], [5, 5, 1, 6], { strides: 1, pad: 'valid' }],
  ];
  test.each(convCases)('Conv2DBackpropFilter: %s', async (_label, xShape, filterShape, attrs) => {
    const probe = tf.backend_util.computeConv2DInfo(
      xShape as [number, number, number, number],
      filterShape as [number, number, number, number],
      (attrs as { strides: number }).strides,
      1,
      (attrs as { pad: 'same' }).pad,
    );
    const operands = { x: random(xShape, 1), dy: random(probe.outShape, 2) };
    const full = { ...attrs, dataFormat: 'NHWC', filterShape };
    await expectWasmMatchesCpu(tf.Conv2DBackpropFilter, tf.Conv2DBackpropFilter, operands, full);
  });

  test('Conv2DBackpropFilter: a batch split in im2col chunks (limit 1.5 images) sums the chunks', async () => {
    const saved = im2colLimits.maxPatchFloats;
    im2colLimits.maxPatchFloats = Math.floor(1.5 * 6 * 6 * 3 * 3 * 2);
    try {
      const operands = { x: random([5, 8, 8, 2], 8), dy: random([5, 6, 6, 3], 9) };
      await expectWasmMatchesCpu(tf.Conv2DBackpropFilter, tf.Conv2DBackpropFilter, operands, {
        strides: 1,
        pad: 'valid',
        dataFormat: 'NHWC',
        filterShape: [3, 3, 2, 3],
      });
    } finally {
      im2colLimits.maxPatchFloats = saved;
    }
  });

  const depthwiseCases: [string, number[], number[], object][] = [
    ['multiplier 1, valid', [2, 6, 5, 3], [3, 3, 3, 1], { strides: 1, dilations: 1, pad: 'valid' }],
    ['multiplier 2, same, stride 2', [2, 7, 6, 2], [3, 2, 2, 2], { strides: 2, dilations: 1, pad: 'same' }],
  ];
  test.each(depthwiseCases)(
    'DepthwiseConv2dNativeBackpropInput and ...Filter: %s',
    async (_label, xShape, filterShape, attrs) => {
      const a = attrs as { strides: number; dilations: number; pad: 'same' };
      const probe = tf.backend_util.computeConv2DInfo(
        xShape as [number, number, number, number],
        filterShape as [number, number, number, number],
        a.strides,
        a.dilations,
        a.pad,
        undefined,
        true,
      );
      const dy = random(probe.outShape, 3);
      await expectWasmMatchesCpu(
        tf.DepthwiseConv2dNativeBackpropInput,
        tf.DepthwiseConv2dNativeBackpropInput,
        { dy, filter: random(filterShape, 4) },
        { ...attrs, inputShape: xShape },
      );
      await expectWasmMatchesCpu(
        tf.DepthwiseConv2dNativeBackpropFilter,
        tf.DepthwiseConv2dNativeBackpropFilter,
        { x: random(xShape, 5), dy },
        { ...attrs, filterShape },
      );
    },
  );

  test('depthwise backprops, dilation 2 (cpu kernels ignore it), equal those of the zero-dilated filter', async () => {
    await useBackend('wasm');
    const x = tf.tensor(random([1, 8, 8, 2], 10).data, [1, 8, 8, 2]) as tf.Tensor4D;
    const filter = tf.tensor(random([3, 3, 2, 2], 11).data, [3, 3, 2, 2]) as tf.Tensor4D;
    const dy = tf.tensor(random([1, 8, 8, 4], 12).data, [1, 8, 8, 4]);
    const wide = dilateFilter(filter, 2);
    const run = (kernel: string, inputs: tf.NamedTensorMap, attrs: object) =>
      tf
        .engine()
        .runKernel(kernel, inputs, { strides: 1, pad: 'same', ...attrs } as unknown as tf.NamedAttrMap) as tf.Tensor;
    const dx = run(tf.DepthwiseConv2dNativeBackpropInput, { dy, filter }, { dilations: 2, inputShape: x.shape });
    const dxWide = run(
      tf.DepthwiseConv2dNativeBackpropInput,
      { dy, filter: wide },
      { dilations: 1, inputShape: x.shape },
    );
    await expectTensorsClose(dx, dxWide);
    const dw = run(tf.DepthwiseConv2dNativeBackpropFilter, { x, dy }, { dilations: 2, filterShape: filter.shape });
    const dwWide = run(tf.DepthwiseConv2dNativeBackpropFilter, { x, dy }, { dilations: 1, filterShape: wide.shape });
    const taps = tf.stridedSlice(dwWide, [0, 0, 0, 0], wide.shape, [2, 2, 1, 1]);
    await expectTensorsClose(dw, taps);
    tf.dispose([x, filter, dy, wide, dx, dxWide, dw, dwWide, taps]);
  });

  const poolCases: [string, number[], object][] = [
    ['2x2 stride 2, all-negative windows', [2, 6, 6, 3], { filterSize: 2, strides: 2, pad: 'valid' }],
    ['3x3 stride 1 (overlapping)', [1, 7, 6, 2], { filterSize: 3, strides: 1, pad: 'valid' }],
    ['3x2 same, stride 2', [1, 7, 5, 2], { filterSize: [3, 2], strides: 2, pad: 'same' }],
  ];
  test.each(poolCases)('MaxPoolGrad: %s', async (_label, xShape, attrs) => {
    const a = attrs as { filterSize: number; strides: number; pad: 'same' };
    const input = random(xShape, 6);
    input.data.forEach((v, i) => (input.data[i] = v - 1)); // mostly negative windows
    const probe = tf.backend_util.computePool2DInfo(
      xShape as [number, number, number, number],
      a.filterSize,
      a.strides,
      1,
      a.pad,
    );
    await useBackend('cpu');
    const xTensor = tf.tensor4d(input.data, xShape as [number, number, number, number]);
    const y = tf.maxPool(xTensor, a.filterSize as [number, number] | number, a.strides, a.pad);
    const output = { shape: y.shape, data: Float32Array.from(await y.data()) };
    tf.dispose([xTensor, y]);
    const operands = { dy: random(probe.outShape, 7), input, output };
    await expectWasmMatchesCpu(tf.MaxPoolGrad, exactMaxPoolGradKernel, operands, attrs);
  });

  test('the kernels leak nothing on wasm (conv and depthwise gradients, chunked or not)', async () => {
    await useBackend('wasm');
    const x = tf.ones([2, 6, 6, 2]);
    const w = tf.ones([3, 3, 2, 2]);
    await expectNoLeakedTensors(() =>
      tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'))([x, w]),
    );
    await expectNoLeakedTensors(() =>
      tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'))([
        x,
        w,
      ]),
    );
    await expectNoLeakedTensors(() => tf.grad((a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid'))(x));
    // Heap buffers too (im2col patches, copied dy chunks, partial products), not only tensors.
    const saved = im2colLimits.maxPatchFloats;
    im2colLimits.maxPatchFloats = 100;
    try {
      const dataIds = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
      const dy = tf.ones([2, 4, 4, 2]);
      const before = dataIds();
      const dw = tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, {
        strides: 1,
        pad: 'valid',
        dataFormat: 'NHWC',
        filterShape: [3, 3, 2, 2],
      } as unknown as tf.NamedAttrMap) as tf.Tensor;
      // Each tap sees 2 images x 4x4 positions of ones: 32.
      await expectTensorsClose(
        dw,
        Array.from({ length: 3 }, () =>
          Array.from({ length: 3 }, () => [
            [32, 32],
            [32, 32],
          ]),
        ),
      );
      expect(dataIds()).toBe(before + 1); // dw only: patches, dy chunks and partial products are freed
      tf.dispose([dw, dy]);
    } finally {
      im2colLimits.maxPatchFloats = saved;
    }
    tf.dispose([x, w]);
  });
});
