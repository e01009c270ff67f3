import * as tf from '@tensorflow/tfjs-core';
import { layerFromConfig } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import { AvgPool3D, MaxPool3D, avgPool3d, maxPool3d, type Pool3DLayerOptions } from '../index.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';

type Triple = [number, number, number];

/**
 * Pooling by loops: for every output voxel, the input voxels of its window that lie inside the
 * input ('same': TensorFlow's padding, floor(total / 2) before), as flat indices.
 */
function windowsByLoops(shape: number[], pool: Triple, strides: Triple, padding: 'valid' | 'same'): number[][] {
  const [batch, ...rest] = shape as [number, number, number, number, number];
  const volume = rest.slice(0, 3) as Triple;
  const channels = rest[3] as number;
  const out = volume.map((n, a) =>
    padding === 'valid' ? Math.floor((n - pool[a]!) / strides[a]!) + 1 : Math.ceil(n / strides[a]!),
  ) as Triple;
  const before = volume.map((n, a) => Math.floor(Math.max((out[a]! - 1) * strides[a]! + pool[a]! - n, 0) / 2));
  const windows: number[][] = [];
  for (let b = 0; b < batch; b++)
    for (let t = 0; t < out[0]; t++)
      for (let i = 0; i < out[1]; i++)
        for (let j = 0; j < out[2]; j++)
          for (let c = 0; c < channels; c++) {
            const members: number[] = [];
            for (let l = 0; l < pool[0]; l++)
              for (let m = 0; m < pool[1]; m++)
                for (let n = 0; n < pool[2]; n++) {
                  const at = [t * strides[0] + l, i * strides[1] + m, j * strides[2] + n].map((p, a) => p - before[a]!);
                  if (at.some((p, a) => p < 0 || p >= volume[a]!)) continue;
                  members.push((((b * volume[0] + at[0]!) * volume[1] + at[1]!) * volume[2] + at[2]!) * channels + c);
                }
            windows.push(members);
          }
  return windows;
}

const cases = [
  ['valid, default 2x2x2 stride 2', {}, [1, 4, 4, 5, 2]],
  ['valid, poolSize [1, 2, 3], strides [1, 1, 2]', { poolSize: [1, 2, 3], strides: [1, 1, 2] }, [2, 2, 3, 5, 1]],
  ['same, poolSize 2, strides [2, 1, 3]', { poolSize: 2, strides: [2, 1, 3], padding: 'same' }, [1, 3, 3, 5, 2]],
  ['same, poolSize 3, strides 2', { poolSize: 3, strides: 2, padding: 'same' }, [1, 4, 3, 4, 1]],
] as [string, Pool3DLayerOptions, number[]][];

describeEachBackend('MaxPool3D and AvgPool3D', () => {
  test.each(cases)('%s: values and gradients of the loop reference', async (_label, options, shape) => {
    const count = shape.reduce((a, b) => a * b, 1);
    // Distinct values (a permutation), so that every window has one maximum.
    const values = Array.from({ length: count }, (_, i) => ((i * 37) % count) - count / 2);
    const x = tf.tensor(values, shape);
    const max = new MaxPool3D(options);
    const avg = new AvgPool3D(options);
    const windows = windowsByLoops(shape, max.poolSize, max.strides, max.padding);
    const argmax = windows.map((w) =>
      w.reduce((best, k) => ((values[k] as number) > (values[best] as number) ? k : best)),
    );
    const yMax = max.apply(x);
    const yAvg = avg.apply(x);
    await expectTensorsClose(yMax, { shape: yMax.shape, data: argmax.map((k) => values[k] as number) });
    const means = windows.map((w) => w.reduce((s, k) => s + (values[k] as number), 0) / w.length);
    await expectTensorsClose(yAvg, { shape: yMax.shape, data: means }, { atol: 1e-4 });
    const geometry = { poolSize: max.poolSize, strides: max.strides, padding: max.padding };
    const [opMax, opAvg] = [maxPool3d(x, geometry), avgPool3d(x, geometry)];
    await expectTensorsClose(yMax, opMax);
    await expectTensorsClose(yAvg, opAvg);
    // Gradients of sum(dy * y): the maximum gets dy; every window member gets dy / window size.
    const dyValues = windows.map((_, k) => 1 + (k % 5));
    const dy = tf.tensor(dyValues, yMax.shape);
    const maxGradient = new Array<number>(count).fill(0);
    const avgGradient = new Array<number>(count).fill(0);
    windows.forEach((w, k) => {
      maxGradient[argmax[k] as number] = (maxGradient[argmax[k] as number] as number) + (dyValues[k] as number);
      for (const member of w)
        avgGradient[member] = (avgGradient[member] as number) + (dyValues[k] as number) / w.length;
    });
    await expectNoLeakedTensors(async () => {
      const dMax = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(max.apply(v), dy)))(x);
      const dAvg = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(avg.apply(v), dy)))(x);
      await expectTensorsClose(dMax, { shape: shape, data: maxGradient });
      await expectTensorsClose(dAvg, { shape: shape, data: avgGradient }, { atol: 1e-4 });
      return [dMax, dAvg];
    });
    tf.dispose([x, yMax, yAvg, opMax, opAvg, dy]);
  });
});

describe('3-D pooling layer options and bad input', () => {
  test('defaults: 2x2x2, strides = poolSize, valid; getConfig round-trips', () => {
    const max = new MaxPool3D();
    expect([max.poolSize, max.strides, max.padding]).toEqual([[2, 2, 2], [2, 2, 2], 'valid']);
    expect(new AvgPool3D({ poolSize: [1, 2, 3] }).strides).toEqual([1, 2, 3]);
    expect(max.name).toMatch(/^max_pool3d_\d+$/);
    expect(new AvgPool3D().name).toMatch(/^avg_pool3d_\d+$/);
    for (const layer of [
      new MaxPool3D({ poolSize: [3, 1, 2], strides: [1, 2, 1], padding: 'same', name: 'down', trainable: false }),
      new AvgPool3D({ poolSize: 3, strides: [2, 2, 1], padding: 'same', seed: 3 }),
    ]) {
      const config = layer.getConfig();
      const copy = layerFromConfig(JSON.parse(JSON.stringify(config)));
      expect(copy.typeName).toBe(layer.typeName);
      expect(copy.getConfig()).toEqual({ ...config, name: copy.name });
    }
  });

  test.each([
    [() => new MaxPool3D({ poolSize: 0 }), /^MaxPool3D: expected poolSize to be a positive integer, got 0/],
    [
      () => new AvgPool3D({ strides: [2, 2] } as never),
      /^AvgPool3D: expected strides to be .* \[depth, height, width\] triple/,
    ],
    [
      () => new MaxPool3D({ padding: 'full' as 'same' }),
      /^MaxPool3D: expected padding to be one of 'valid', 'same', got "full"/,
    ],
    [
      () => new AvgPool3D({ pool: 2 } as never),
      /^AvgPool3D: unknown key 'pool' in options \(did you mean 'poolSize'\?/,
    ],
  ])('%#', (make, message) => {
    expect(make).toThrow(message);
  });

  test('a rank-4 input and a window larger than a valid input fail naming the layer, leaking nothing', () => {
    expectCleanThrow(
      () => [tf.zeros([1, 4, 4, 2])] as [tf.Tensor],
      (x) => new MaxPool3D().apply(x),
      /^MaxPool3D: expected input of rank 5 \(\[batch, depth, height, width, channels\]\), got rank 4/,
    );
    expectCleanThrow(
      () => [tf.zeros([1, 1, 4, 4, 2])] as [tf.Tensor],
      (x) => new AvgPool3D().apply(x),
      /^AvgPool3D: pool window 2x2x2 is larger than the input 1x4x4 \(shape \[1,1,4,4,2\]\) with padding 'valid'/,
    );
  });
});
