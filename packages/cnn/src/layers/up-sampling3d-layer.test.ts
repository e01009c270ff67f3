import * as tf from '@tensorflow/tfjs-core';
import { Model, input, layerFromConfig } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import { UpSampling3D } from '../index.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';
import type { SizeTriple } from '../ops/volume-options.js';

/** Nearest-neighbour upsampling written as loops over the output: y[b,d,h,w,c] = x[b,d/sd,h/sh,w/sw,c]. */
function upsampleByLoops(x: number[], shape: number[], size: [number, number, number]): number[] {
  const [n, depth, height, width, channels] = shape as [number, number, number, number, number];
  const [sd, sh, sw] = size;
  const out: number[] = [];
  for (let b = 0; b < n; b++)
    for (let d = 0; d < depth * sd; d++)
      for (let h = 0; h < height * sh; h++)
        for (let w = 0; w < width * sw; w++)
          for (let c = 0; c < channels; c++) {
            const at = ((b * depth + Math.floor(d / sd)) * height + Math.floor(h / sh)) * width + Math.floor(w / sw);
            out.push(x[at * channels + c] as number);
          }
  return out;
}

describeEachBackend('UpSampling3D', () => {
  test('a 1x1x2x2 volume, size [2, 1, 2]: each voxel copied twice in depth and width (written out)', async () => {
    const layer = new UpSampling3D({ size: [2, 1, 2] });
    const x = tf.tensor([1, 2, 3, 4], [1, 1, 1, 2, 2]);
    const y = layer.apply(x);
    // Width 2 -> 4 (w0 w0 w1 w1, two channels each), and that row twice along depth.
    const row = [1, 2, 1, 2, 3, 4, 3, 4];
    await expectTensorsClose(y, { shape: [1, 2, 1, 4, 2], data: [...row, ...row] });
    tf.dispose([x, y]);
  });

  test.each([
    [[2, 2, 3, 2, 3], 2],
    [
      [1, 3, 2, 2, 2],
      [1, 2, 3],
    ],
    [
      [2, 2, 2, 3, 1],
      [3, 1, 1],
    ],
    [[1, 2, 2, 2, 2], 1],
  ] as [number[], SizeTriple][])('shape %j, size %j: the loop reference', async (shape, size) => {
    const triple: [number, number, number] = typeof size === 'number' ? [size, size, size] : [...size];
    const count = shape.reduce((n, s) => n * s, 1);
    const values = Array.from({ length: count }, (_, i) => Math.sin(1.3 * i) + i / 7);
    const x = tf.tensor(values, shape);
    const y = new UpSampling3D({ size }).apply(x);
    const expectedShape = shape.map((s, i) => (i >= 1 && i <= 3 ? s * (triple[i - 1] as number) : s));
    await expectTensorsClose(y, { shape: expectedShape, data: upsampleByLoops(values, shape, triple) });
    tf.dispose([x, y]);
  });

  test('the gradient sums dy over each block of copies, and nothing leaks', async () => {
    const layer = new UpSampling3D({ size: [2, 3, 1] });
    const shape = [1, 2, 1, 2, 2];
    const x = tf.ones(shape);
    const outputSize = 1 * 4 * 3 * 2 * 2;
    const dyValues = Array.from({ length: outputSize }, (_, i) => i);
    const dy = tf.tensor(dyValues, [1, 4, 3, 2, 2]);
    // Each input voxel receives the dy of the outputs that copy it.
    const expected = new Array(8).fill(0);
    const sources = upsampleByLoops(
      Array.from({ length: 8 }, (_, i) => i),
      shape,
      [2, 3, 1],
    );
    sources.forEach((source, i) => {
      expected[source] += dyValues[i] as number;
    });
    await expectNoLeakedTensors(async () => {
      const dx = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(layer.apply(v), dy)))(x);
      await expectTensorsClose(dx, { shape, data: expected });
      return dx;
    });
    tf.dispose([x, dy]);
  });

  test('in a graph model: the output shape is inferred from the input shape', () => {
    const volumes = input({ shape: [3, 2, 4, 5] });
    const grown = new UpSampling3D({ size: [2, 3, 1] }).apply(volumes);
    expect(grown.shape).toEqual([null, 6, 6, 4, 5]);
    const model = new Model({ inputs: volumes, outputs: grown });
    const y = model.apply(tf.zeros([2, 3, 2, 4, 5]));
    expect(y.shape).toEqual([2, 6, 6, 4, 5]);
    tf.dispose(y);
    model.dispose();
  });
});

describe('UpSampling3D options and bad input', () => {
  test('the default size is 2 on every axis; getConfig round-trips through layerFromConfig', () => {
    expect(new UpSampling3D().size).toEqual([2, 2, 2]);
    const layer = new UpSampling3D({ size: [1, 2, 3], name: 'grow', trainable: false, seed: 4 });
    const config = layer.getConfig();
    expect(config).toEqual({ type: 'UpSampling3D', name: 'grow', trainable: false, seed: 4, size: [1, 2, 3] });
    const copy = layerFromConfig(JSON.parse(JSON.stringify(config)));
    expect(copy).toBeInstanceOf(UpSampling3D);
    expect(copy.getConfig()).toEqual(config);
    expect(new UpSampling3D().name).toMatch(/^up_sampling3d_\d+$/);
  });

  test.each([
    [{ size: 0 }, /^UpSampling3D: expected size to be a positive integer, got 0/],
    [
      { size: [2, 2] },
      /^UpSampling3D: expected size to be a positive integer or a \[depth, height, width\] triple, got \[2,2\]/,
    ],
    [{ size: [2, 1.5, 2] }, /^UpSampling3D: expected size\[1\] to be a positive integer, got 1.5/],
    [{ sizes: 2 }, /^UpSampling3D: unknown key 'sizes' in options \(did you mean 'size'\?/],
  ])('options %j', (options, message) => {
    expect(() => new UpSampling3D(options as never)).toThrow(message);
  });

  test('a rank-4 input is refused, naming the layer, and nothing leaks', () => {
    const layer = new UpSampling3D();
    expectCleanThrow(
      () => [tf.zeros([1, 4, 4, 2])] as [tf.Tensor],
      (x) => layer.apply(x),
      /^UpSampling3D: expected input of rank 5 \(\[batch, depth, .*\]\), got rank 4 \(shape \[1,4,4,2\]\)/,
    );
  });
});
