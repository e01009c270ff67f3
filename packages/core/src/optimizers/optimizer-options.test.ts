// Every optimiser option at a non-default value, on every backend, against the update rules written
// out in plain numbers: Adam's beta1, beta2 and a large epsilon (1e-8 is too small to notice if it
// were subtracted or dropped), RMSProp's rho and epsilon; the bounds of each option at, below and
// above its limits; a learning rate changed between steps; state kept per variable, one iteration
// per call, and a disposed optimiser starting afresh (Adam's bias correction from step 1 again).
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { Adam, type AdamOptions, type Optimizer, RmsProp, type RmsPropOptions, Sgd } from './index.js';

const start = [1, -2, 0.5];
const grads = [
  [0.5, -1, 0],
  [0.25, 2, -3],
  [-1, 0.5, 1.5],
];

/** Values of w after each step of `optimizer` with the gradients `gs`. */
async function steps(optimizer: Optimizer, gs: number[][], w = tf.variable(tf.tensor1d(start))): Promise<number[][]> {
  const seen: number[][] = [];
  for (const g of gs) {
    const gradient = tf.tensor1d(g);
    optimizer.applyGradients([{ variable: w, gradient }]);
    gradient.dispose();
    seen.push(Array.from(await w.data()));
  }
  w.dispose();
  return seen;
}

/** Adam by hand (PyTorch's form: epsilon added to sqrt(v-hat)). */
function adamByHand(o: Required<AdamOptions>, gs: number[][], from = start, t0 = 0): number[][] {
  let w = from;
  let m = from.map(() => 0);
  let v = from.map(() => 0);
  return gs.map((g, k) => {
    const t = t0 + k + 1;
    m = m.map((mi, i) => o.beta1 * mi + (1 - o.beta1) * (g[i] as number));
    v = v.map((vi, i) => o.beta2 * vi + (1 - o.beta2) * (g[i] as number) ** 2);
    const mHat = m.map((mi) => mi / (1 - o.beta1 ** t));
    const vHat = v.map((vi) => vi / (1 - o.beta2 ** t));
    w = w.map((wi, i) => wi - (o.learningRate * (mHat[i] as number)) / (Math.sqrt(vHat[i] as number) + o.epsilon));
    return w;
  });
}

/** RMSProp by hand (epsilon added to sqrt(s)). */
function rmsPropByHand(o: Required<RmsPropOptions>, gs: number[][]): number[][] {
  let w = start;
  let s = start.map(() => 0);
  return gs.map((g) => {
    s = s.map((si, i) => o.rho * si + (1 - o.rho) * (g[i] as number) ** 2);
    w = w.map((wi, i) => wi - (o.learningRate * (g[i] as number)) / (Math.sqrt(s[i] as number) + o.epsilon));
    return w;
  });
}

describeEachBackend('optimiser options at non-default values', () => {
  test('Adam: beta1 0.5, beta2 0.75, epsilon 0.5', async () => {
    const options = { learningRate: 0.1, beta1: 0.5, beta2: 0.75, epsilon: 0.5 };
    await expectTensorsClose(tf.tensor(await steps(new Adam(options), grads)), adamByHand(options, grads));
  });

  test('Adam: beta1 0 (no momentum) and the defaults 0.9, 0.999, 1e-8', async () => {
    const zero = { learningRate: 0.1, beta1: 0, beta2: 0.5, epsilon: 0.25 };
    await expectTensorsClose(tf.tensor(await steps(new Adam(zero), grads)), adamByHand(zero, grads));
    const defaults = { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
    await expectTensorsClose(tf.tensor(await steps(new Adam(), grads)), adamByHand(defaults, grads));
  });

  test('RMSProp: rho 0.5, epsilon 0.5, and the defaults 0.9, 1e-7', async () => {
    const options = { learningRate: 0.1, rho: 0.5, epsilon: 0.5 };
    await expectTensorsClose(tf.tensor(await steps(new RmsProp(options), grads)), rmsPropByHand(options, grads));
    const defaults = { learningRate: 0.001, rho: 0.9, epsilon: 1e-7 };
    await expectTensorsClose(tf.tensor(await steps(new RmsProp(), grads)), rmsPropByHand(defaults, grads));
  });

  test('SGD: default learning rate 0.01', async () => {
    const expected = start.map((w, i) => w - 0.01 * (grads[0]?.[i] as number));
    await expectTensorsClose(tf.tensor(await steps(new Sgd(), grads.slice(0, 1))), [expected]);
  });

  test('a learning rate set between steps is used from the next step', async () => {
    const sgd = new Sgd({ learningRate: 0.5 });
    const w = tf.variable(tf.tensor1d([1, 1]));
    const g = tf.tensor1d([1, -2]);
    sgd.applyGradients([{ variable: w, gradient: g }]);
    sgd.learningRate = 0.25;
    sgd.applyGradients([{ variable: w, gradient: g }]);
    await expectTensorsClose(w, [1 - 0.75, 1 + 1.5]);
    tf.dispose([w, g]);
  });

  test('state per variable, one iteration per call, dispose starts afresh', async () => {
    const options = { learningRate: 0.1, beta1: 0.5, beta2: 0.75, epsilon: 0.5 };
    const adam = new Adam(options);
    const a = tf.variable(tf.tensor1d(start));
    const b = tf.variable(tf.tensor1d([3]));
    const [ga, gb] = [tf.tensor1d(grads[0] as number[]), tf.tensor1d([-4])];
    adam.applyGradients([
      { variable: a, gradient: ga },
      { variable: b, gradient: gb },
    ]);
    adam.applyGradients([{ variable: a, gradient: ga }]);
    expect(adam.iterations).toBe(2);
    expect(adam.stateTensorCount).toBe(4);
    await expectTensorsClose(a, adamByHand(options, [grads[0] as number[], grads[0] as number[]])[1] as number[]);
    await expectTensorsClose(b, adamByHand(options, [[-4]], [3])[0] as number[]);
    adam.dispose();
    expect(adam.iterations).toBe(0);
    // Step 1 again: the same move as a fresh optimiser's first step (bias correction at t = 1).
    const before = Array.from(await a.data());
    adam.applyGradients([{ variable: a, gradient: ga }]);
    await expectTensorsClose(a, adamByHand(options, [grads[0] as number[]], before)[0] as number[]);
    adam.dispose();
    tf.dispose([a, b, ga, gb]);
  });
});

test('getConfig names the type and every option', () => {
  expect(new Sgd({ learningRate: 0.5, momentum: 0.25, nesterov: true }).getConfig()).toEqual({
    type: 'Sgd',
    learningRate: 0.5,
    momentum: 0.25,
    nesterov: true,
  });
  expect(new Adam({ learningRate: 0.5, beta1: 0.25, beta2: 0.75, epsilon: 0.125 }).getConfig()).toEqual({
    type: 'Adam',
    learningRate: 0.5,
    beta1: 0.25,
    beta2: 0.75,
    epsilon: 0.125,
  });
  expect(new RmsProp({ learningRate: 0.5, rho: 0.25, epsilon: 0.125 }).getConfig()).toEqual({
    type: 'RmsProp',
    learningRate: 0.5,
    rho: 0.25,
    epsilon: 0.125,
  });
});

test('option bounds: at, below and above each limit', () => {
  for (const name of ['beta1', 'beta2'] as const) {
    expect(new Adam({ [name]: 0 })[name]).toBe(0);
    expect(new Adam({ [name]: 0.999999 })[name]).toBe(0.999999);
    expect(() => new Adam({ [name]: 1 })).toThrow(new RegExp(`^Adam: expected ${name} in \\[0, 1\\), got 1$`));
    expect(() => new Adam({ [name]: -0.5 })).toThrow(new RegExp(`^Adam: expected ${name} in \\[0, 1\\), got -0.5$`));
  }
  expect(() => new Adam({ epsilon: 0 })).toThrow(/^Adam: expected epsilon > 0, got 0$/);
  expect(() => new Adam({ learningRate: -1 })).toThrow(/^Adam: expected learningRate > 0, got -1$/);
  expect(new RmsProp({ rho: 0 }).rho).toBe(0);
  expect(() => new RmsProp({ rho: 1 })).toThrow(/^RmsProp: expected rho in \[0, 1\), got 1$/);
  expect(() => new RmsProp({ rho: -0.5 })).toThrow(/^RmsProp: expected rho in \[0, 1\), got -0.5$/);
  expect(() => new RmsProp({ epsilon: 0 })).toThrow(/^RmsProp: expected epsilon > 0, got 0$/);
  expect(() => new RmsProp({ learningRate: 0 })).toThrow(/^RmsProp: expected learningRate > 0, got 0$/);
  expect(() => new Sgd({ momentum: 0.5, nesterov: false, learningRate: Number.NaN })).toThrow(
    /^Sgd: expected learningRate to be a finite number, got NaN$/,
  );
  for (const Make of [Sgd, Adam, RmsProp]) {
    expect(() => new Make({ learningrate: 0.1 } as never)).toThrow(/options/);
  }
});

test('a refused learning rate keeps the previous one', () => {
  const adam = new Adam({ learningRate: 0.5 });
  expect(() => {
    adam.learningRate = 0;
  }).toThrow(/^Adam: expected learningRate > 0, got 0$/);
  expect(() => {
    adam.learningRate = Number.POSITIVE_INFINITY;
  }).toThrow(/^Adam: expected learningRate to be a finite number, got Infinity$/);
  expect(adam.learningRate).toBe(0.5);
  adam.learningRate = 0.125;
  expect(adam.learningRate).toBe(0.125);
});
