import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { createRandom, useBackend } from '@baihua/core';
import { expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { registerCnnKernels } from '../index.js';
import { im2colLimits } from './wasm-conv2d-backprop-filter.js';
import { exactConv3dBackpropFilterKernel } from './wasm-conv3d-backprop-filter.js';
import { exactConv3dBackpropInputKernel } from './wasm-conv3d-backprop-input.js';
import { fastConv3dKernel } from './wasm-conv3d.js';

type Shape5D = [number, number, number, number, number];

function random(shape: number[], seed: number): tf.Tensor {
  const rng = createRandom(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => rng.next() * 2 - 1),
    shape,
  );
}

/** Runs `kernel` on `backend` with inputs made from seeds; returns the values as a plain spec. */
async function runOn(
  backend: 'cpu' | 'wasm',
  kernel: string,
  shapes: Record<string, number[]>,
  attrs: object,
): Promise<{ shape: number[]; data: number[] }> {
  await useBackend(backend);
  const inputs = Object.fromEntries(Object.entries(shapes).map(([key, shape], i) => [key, random(shape, 7 + i)]));
  const out = tf.engine().runKernel(kernel, inputs, attrs as tf.NamedAttrMap) as tf.Tensor;
  const spec = { shape: out.shape, data: Array.from(await out.data()) };
  tf.dispose([...Object.values(inputs), out]);
  return spec;
}

/** Compares a wasm result with the cpu one. */
async function expectSame(actual: { shape: number[]; data: number[] }, expected: { shape: number[]; data: number[] }) {
  const tensor = tf.tensor(actual.data, actual.shape);
  try {
    await expectTensorsClose(tensor, expected);
  } finally {
    tensor.dispose();
  }
}

/** The three wasm kernels must match the cpu backend's stock ones on the same random operands. */
async function expectAllMatchCpu(xShape: Shape5D, filterShape: Shape5D, strides: number[], pad: string) {
  const triple = strides as [number, number, number];
  const outShape = tf.backend_util.computeConv3DInfo(xShape, filterShape, triple, 1, pad as 'same').outShape;
  const inputAttrs = { strides, pad, inputShape: xShape };
  const expectedDx = await runOn('cpu', tf.Conv3DBackpropInputV2, { dy: outShape, filter: filterShape }, inputAttrs);
  const dx = await runOn('wasm', exactConv3dBackpropInputKernel, { dy: outShape, filter: filterShape }, inputAttrs);
  await expectSame(dx, expectedDx);
  const filterAttrs = { strides, pad, filterShape };
  const expectedDw = await runOn('cpu', tf.Conv3DBackpropFilterV2, { x: xShape, dy: outShape }, filterAttrs);
  const dw = await runOn('wasm', exactConv3dBackpropFilterKernel, { x: xShape, dy: outShape }, filterAttrs);
  await expectSame(dw, expectedDw);
  const forwardAttrs = { strides, pad, dilations: 1, dataFormat: 'NDHWC' };
  const expectedY = await runOn('cpu', tf.Conv3D, { x: xShape, filter: filterShape }, forwardAttrs);
  const y = await runOn('wasm', fastConv3dKernel, { x: xShape, filter: filterShape }, { strides, pad });
  await expectSame(y, expectedY);
}

describe('wasm conv3d kernels (forward, input and filter gradients) match the cpu backend', () => {
  test('they are registered for wasm once; a second call adds nothing', () => {
    expect(tf.getKernel(exactConv3dBackpropInputKernel, 'wasm')).toBeDefined();
    expect(tf.getKernel(exactConv3dBackpropFilterKernel, 'wasm')).toBeDefined();
    expect(tf.getKernel(fastConv3dKernel, 'wasm')).toBeDefined();
    expect(tf.getKernel(exactConv3dBackpropInputKernel, 'cpu')).toBeUndefined();
    expect(registerCnnKernels()).toBe(0);
  });

  const cases: [string, Shape5D, Shape5D, number[], string][] = [
    ['valid, stride 1, Cin 3 != Cout 4', [2, 5, 6, 4, 3], [3, 3, 2, 3, 4], [1, 1, 1], 'valid'],
    ['same, uneven strides [2, 1, 3]', [2, 7, 6, 8, 2], [3, 2, 3, 2, 3], [2, 1, 3], 'same'],
    ['valid, strides [2, 1, 3], even kernel', [1, 6, 5, 9, 3], [2, 2, 4, 3, 2], [2, 1, 3], 'valid'],
    ['same, stride 2, odd sizes', [2, 5, 7, 5, 2], [3, 3, 3, 2, 2], [2, 2, 2], 'same'],
    ['1x1x1 kernel, stride 2, Cout 5', [3, 5, 5, 5, 2], [1, 1, 1, 2, 5], [2, 2, 2], 'valid'],
  ];
  test.each(cases)(
    'BaihuaConv3D, BaihuaConv3DBackpropInput and ...Filter: %s',
    async (_label, xShape, filterShape, strides, pad) => {
      await expectAllMatchCpu(xShape, filterShape, strides, pad);
    },
  );

  test('a batch of 5 split in chunks of 2 images (limit forced small) gives the unsplit result', async () => {
    const saved = im2colLimits.maxPatchFloats;
    // One image: 3x3x2 outputs x (2x2x2 taps x 2 channels) = 288 floats.
    im2colLimits.maxPatchFloats = 2 * 288 + 100;
    try {
      await expectAllMatchCpu([5, 4, 4, 3, 2], [2, 2, 2, 2, 3], [1, 1, 1], 'valid');
    } finally {
      im2colLimits.maxPatchFloats = saved;
    }
  });

  test('leave no tensors and no heap data behind, chunked or not', async () => {
    await useBackend('wasm');
    const dataIds = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
    const x = tf.ones([3, 4, 4, 3, 2]);
    const filter = tf.ones([2, 2, 2, 2, 2]);
    const dy = tf.ones([3, 3, 3, 2, 2]);
    const run = (kernel: string, inputs: tf.NamedTensorMap, attrs: object) =>
      tf.engine().runKernel(kernel, inputs, { strides: 1, pad: 'valid', ...attrs } as tf.NamedAttrMap) as tf.Tensor;
    const saved = im2colLimits.maxPatchFloats;
    try {
      for (const limit of [saved, 100]) {
        im2colLimits.maxPatchFloats = limit;
        await expectNoLeakedTensors(() => run(exactConv3dBackpropInputKernel, { dy, filter }, { inputShape: x.shape }));
        const before = dataIds();
        const dw = run(exactConv3dBackpropFilterKernel, { x, dy }, { filterShape: filter.shape });
        expect(dataIds()).toBe(before + 1); // dw only: patches, dy chunks and partial products are freed
        const dx = run(exactConv3dBackpropInputKernel, { dy, filter }, { inputShape: x.shape });
        expect(dataIds()).toBe(before + 2); // dx only: filterᵀ, dy chunks and columns are freed
        const y = run(fastConv3dKernel, { x, filter }, {});
        expect(dataIds()).toBe(before + 3); // y only: patches and partial products are freed
        expect(Array.from(await y.data())).toEqual(new Array(3 * 3 * 3 * 2 * 2).fill(16));
        // Each weight sees 3 images x 3x3x2 output positions of ones: 54.
        expect(Array.from(await dw.data())).toEqual(new Array(32).fill(54));
        tf.dispose([dw, dx, y]);
      }
    } finally {
      im2colLimits.maxPatchFloats = saved;
      tf.dispose([x, filter, dy]);
    }
  });
});
