import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { createRandom } from '../random/seeded-random.js';
import { Dense } from '../layers/dense.js';
import {
  computeFans,
  constant,
  glorotNormal,
  glorotUniform,
  heNormal,
  heUniform,
  orthogonal,
  registeredInitializerNames,
  resolveInitializer,
  varianceScaling,
  zeros,
} from './index.js';

function stats(values: Float32Array): { mean: number; variance: number; maxAbs: number } {
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean, variance, maxAbs: values.reduce((a, v) => Math.max(a, Math.abs(v)), 0) };
}

test('fans: dense [in, out]; conv [kh, kw, in, out] times the receptive field', () => {
  expect(computeFans([784, 256])).toEqual({ fanIn: 784, fanOut: 256 });
  expect(computeFans([3, 3, 16, 32])).toEqual({ fanIn: 144, fanOut: 288 });
  expect(computeFans([10])).toEqual({ fanIn: 10, fanOut: 10 });
});

test('zeros and constant', () => {
  expect(Array.from(zeros()([2, 2], createRandom(1)))).toEqual([0, 0, 0, 0]);
  expect(Array.from(constant(0.5)([3], createRandom(1)))).toEqual([0.5, 0.5, 0.5]);
  expect(Array.from(resolveInitializer({ name: 'constant', value: 2 })([2], createRandom(1)))).toEqual([2, 2]);
});

test('Glorot and He: bounds and variances as the formulas say', () => {
  const shape = [400, 200];
  const random = () => createRandom(3);
  const gu = stats(glorotUniform()(shape, random()));
  expect(gu.maxAbs).toBeLessThanOrEqual(Math.sqrt(6 / 600));
  expect(gu.variance).toBeCloseTo(2 / 600, 4);
  expect(stats(glorotNormal()(shape, random())).variance).toBeCloseTo(2 / 600, 4);
  const hu = stats(heUniform()(shape, random()));
  expect(hu.maxAbs).toBeLessThanOrEqual(Math.sqrt(6 / 400));
  expect(hu.variance).toBeCloseTo(2 / 400, 4);
  const hn = stats(heNormal()(shape, random()));
  expect(hn.variance / (2 / 400)).toBeGreaterThan(0.97);
  expect(hn.variance / (2 / 400)).toBeLessThan(1.03);
  expect(Math.abs(hn.mean)).toBeLessThan(2e-3);
});

test('orthogonal: W^T W = I (tall) and W W^T = I (wide), times gain', () => {
  for (const [rows, cols] of [
    [6, 4],
    [3, 5],
  ] as const) {
    const w = orthogonal(2)([rows, cols], createRandom(9));
    const small = Math.min(rows, cols);
    for (let i = 0; i < small; i++) {
      for (let j = 0; j < small; j++) {
        let dot = 0;
        if (rows >= cols)
          for (let r = 0; r < rows; r++) dot += (w[r * cols + i] as number) * (w[r * cols + j] as number);
        else for (let c = 0; c < cols; c++) dot += (w[i * cols + c] as number) * (w[j * cols + c] as number);
        expect(dot).toBeCloseTo(i === j ? 4 : 0, 5);
      }
    }
  }
});

test('same seed, same values; registry lists the built-ins; bad specs', () => {
  expect(Array.from(heNormal()([5, 5], createRandom(4)))).toEqual(Array.from(heNormal()([5, 5], createRandom(4))));
  expect(registeredInitializerNames()).toEqual(
    expect.arrayContaining([
      'zeros',
      'ones',
      'constant',
      'glorotUniform',
      'glorotNormal',
      'heUniform',
      'heNormal',
      'orthogonal',
      'varianceScaling',
    ]),
  );
  expect(() => resolveInitializer('xavier')).toThrow(
    /resolveInitializer: unknown initializer "xavier" \(registered: .*glorotUniform/,
  );
  expect(() => resolveInitializer('__proto__')).toThrow(/resolveInitializer: unknown initializer "__proto__"/);
  expect(() => constant(Number.NaN)).toThrow(/constant: expected value to be a finite number, got NaN/);
  expect(() => varianceScaling({ mode: 'fanMax' as never })).toThrow(
    /varianceScaling: expected mode to be one of 'fanIn', 'fanOut', 'fanAvg', got "fanMax"/,
  );
  expect(() => orthogonal(0)).toThrow(/orthogonal: expected gain > 0, got 0/);
});

describeEachBackend('initialisers in layers', () => {
  test('the same seed gives bit-identical weights on every backend', async () => {
    const dense = new Dense({ units: 3, seed: 42, kernelInitializer: 'orthogonal' });
    const x = tf.ones([1, 4]);
    dense.apply(x).dispose();
    const expected = orthogonal()([4, 3], createRandom(42));
    await expectTensorsClose(
      dense.weight('kernel').read(),
      { shape: [4, 3], data: Array.from(expected) },
      { rtol: 0, atol: 0 },
    );
    x.dispose();
    dense.dispose();
  });
});
