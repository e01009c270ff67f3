import * as tf from '@tensorflow/tfjs-core';
import { createRandom, getActivation } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { activationNames } from './activation-names.js';
import { activationProperties, type ActivationProperty, type ValueRange } from './activation-properties.js';
import { derivatives } from './derivatives.js';

/** Reads a tensor's values and disposes it. */
async function readAndDispose(t: tf.Tensor): Promise<number[]> {
  try {
    return Array.from(await t.data());
  } finally {
    t.dispose();
  }
}

/** In the closed interval (float32 rounds onto open ends at extreme inputs). */
const inClosure = (v: number, r: ValueRange) => v >= r.min && v <= r.max;
/** Strictly inside where the interval is open. */
const inRange = (v: number, r: ValueRange) =>
  (r.includesMin ? v >= r.min : v > r.min) && (r.includesMax ? v <= r.max : v < r.max);

function derivativeMatches(property: ActivationProperty, d: number): boolean {
  const spec = property.derivative;
  return spec.kind === 'set' ? spec.values.some((v) => Math.abs(v - d) <= 1e-6) : inClosure(d, spec.range);
}

/** -12 to 12 in steps of 0.01, 0 included exactly. */
const grid = Array.from({ length: 2401 }, (_, i) => (i - 1200) / 100);

async function valuesAndGradient(name: string, values: number[]): Promise<{ y: number[]; d: number[] }> {
  const f = getActivation(name);
  const x = tf.tensor(values);
  const y = await readAndDispose(f(x));
  const d = await readAndDispose(tf.grad((t: tf.Tensor) => tf.sum(f(t)))(x));
  x.dispose();
  return { y, d };
}

const elementwise = activationProperties.filter((p) => p.name !== 'softmax' && p.name !== 'logSoftmax');
const normalSamples = (() => {
  const rng = createRandom(3);
  return Array.from({ length: 4096 }, () => rng.normal());
})();

describeEachBackend('activationProperties, checked against the code', () => {
  test("each derivative entry is a 'set' of values or an 'interval' with a range (the table reads the tag)", () => {
    for (const { derivative } of activationProperties) {
      if (derivative.kind === 'set') expect(derivative.values.length).toBeGreaterThan(0);
      else expect([derivative.kind, typeof derivative.range]).toEqual(['interval', 'object']);
    }
  });

  test("lists each of the seed's activations once (core's extras are not in the seed's table)", () => {
    expect(activationProperties.map((p) => p.name).sort()).toEqual([...activationNames].sort());
  });

  for (const property of elementwise) {
    test(`${property.name}: output range, derivative range and max derivative`, async () => {
      const { y, d } = await valuesAndGradient(property.name, grid);
      y.forEach((v, i) => {
        expect(inClosure(v, property.outputRange), `f(${grid[i]}) = ${v}`).toBe(true);
        if (Math.abs(grid[i] as number) <= 8)
          expect(inRange(v, property.outputRange), `f(${grid[i]}) = ${v} strictly`).toBe(true);
      });
      d.forEach((v, i) => expect(derivativeMatches(property, v), `f'(${grid[i]}) = ${v}`).toBe(true));
      expect(Math.abs(Math.max(...d.map(Math.abs)) - property.maxDerivative)).toBeLessThan(1e-3);
      if (property.derivative.kind === 'set') {
        for (const value of property.derivative.values)
          expect(
            d.some((v) => Math.abs(v - value) <= 1e-6),
            `f' takes ${value}`,
          ).toBe(true);
      }
    });

    test(`${property.name}: zero-centred = ${property.zeroCentred}, saturates = ${property.saturates}`, async () => {
      const { y } = await valuesAndGradient(property.name, normalSamples);
      const mean = y.reduce((a, b) => a + b, 0) / y.length;
      expect(Math.abs(mean) < 0.05, `mean over N(0, 1) = ${mean}`).toBe(property.zeroCentred);
      const { d } = await valuesAndGradient(property.name, [-30, 30]);
      const [left, right] = d as [number, number];
      const flat = (v: number) => Math.abs(v) < 1e-6;
      const expected = { 'both sides': [true, true], 'negative side': [true, false], no: [false, false] }[
        property.saturates
      ];
      expect([flat(left), flat(right)]).toEqual(expected);
    });
  }

  for (const name of ['softmax', 'logSoftmax'] as const) {
    const property = activationProperties.find((p) => p.name === name) as ActivationProperty;
    const jacobianOf = name === 'softmax' ? derivatives.softmaxJacobian : derivatives.logSoftmaxJacobian;
    test(`${name}: output range, Jacobian range and max, zero-centred, saturation`, async () => {
      const rng = createRandom(5);
      const rows = [
        ...Array.from({ length: 64 * 5 }, () => rng.normal() * 4),
        0,
        0,
        -30,
        -30,
        -30,
        0,
        -30,
        -30,
        -30,
        -30,
      ];
      const x = tf.tensor(rows, [66, 5]);
      const y = await readAndDispose(getActivation(name)(x));
      const jacobian = await readAndDispose(jacobianOf(x));
      x.dispose();
      const moderate = y.slice(0, 64 * 5);
      expect(y.every((v) => inClosure(v, property.outputRange))).toBe(true);
      expect(moderate.every((v) => inRange(v, property.outputRange))).toBe(true);
      expect(jacobian.every((v) => derivativeMatches(property, v))).toBe(true);
      expect(Math.abs(Math.max(...jacobian.map(Math.abs)) - property.maxDerivative)).toBeLessThan(1e-3);
      expect(Math.abs(moderate.reduce((a, b) => a + b, 0) / moderate.length) < 0.05).toBe(property.zeroCentred);
      const extreme = tf.tensor([[30, -30, -30]]);
      const saturated = await readAndDispose(jacobianOf(extreme));
      extreme.dispose();
      expect(saturated.every((v) => Math.abs(v) < 1e-6)).toBe(property.saturates === 'both sides');
    });
  }
});
