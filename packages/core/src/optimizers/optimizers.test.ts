import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { Adam, RmsProp, Sgd, type Optimizer } from './index.js';

/** Runs `steps` updates with fixed gradients on w = [1, -2] and returns the values after each. */
async function run(optimizer: Optimizer, gradients: number[][]): Promise<number[][]> {
  const w = tf.variable(tf.tensor1d([1, -2]));
  const seen: number[][] = [];
  for (const g of gradients) {
    const gradient = tf.tensor1d(g);
    optimizer.applyGradients([{ variable: w, gradient }]);
    gradient.dispose();
    seen.push(Array.from(await w.data()));
  }
  w.dispose();
  optimizer.dispose();
  return seen;
}

describeEachBackend('optimisers', () => {
  const grads = [
    [0.5, -1],
    [0.25, 2],
    [-1, 0.5],
  ];

  test('SGD: W <- W - lr g', async () => {
    const seen = await run(new Sgd({ learningRate: 0.1 }), grads);
    await expectTensorsClose(tf.tensor(seen), [
      [0.95, -1.9],
      [0.925, -2.1],
      [1.025, -2.15],
    ]);
  });

  test('SGD momentum and Nesterov (PyTorch form)', async () => {
    const lr = 0.1;
    const mu = 0.9;
    const expectedPlain: number[][] = [];
    const expectedNesterov: number[][] = [];
    let w = [1, -2];
    let wn = [1, -2];
    let v = [0, 0];
    let vn = [0, 0];
    for (const g of grads) {
      v = v.map((vi, i) => mu * vi + (g[i] as number));
      w = w.map((wi, i) => wi - lr * (v[i] as number));
      vn = vn.map((vi, i) => mu * vi + (g[i] as number));
      wn = wn.map((wi, i) => wi - lr * ((g[i] as number) + mu * (vn[i] as number)));
      expectedPlain.push(w);
      expectedNesterov.push(wn);
    }
    await expectTensorsClose(tf.tensor(await run(new Sgd({ learningRate: lr, momentum: mu }), grads)), expectedPlain);
    await expectTensorsClose(
      tf.tensor(await run(new Sgd({ learningRate: lr, momentum: mu, nesterov: true }), grads)),
      expectedNesterov,
    );
  });

  test('Adam with bias correction', async () => {
    const [lr, b1, b2, eps] = [0.01, 0.9, 0.999, 1e-8];
    let w = [1, -2];
    let m = [0, 0];
    let v = [0, 0];
    const expected: number[][] = [];
    grads.forEach((g, k) => {
      const t = k + 1;
      m = m.map((mi, i) => b1 * mi + (1 - b1) * (g[i] as number));
      v = v.map((vi, i) => b2 * vi + (1 - b2) * (g[i] as number) ** 2);
      w = w.map(
        (wi, i) => wi - (lr * ((m[i] as number) / (1 - b1 ** t))) / (Math.sqrt((v[i] as number) / (1 - b2 ** t)) + eps),
      );
      expected.push(w);
    });
    await expectTensorsClose(tf.tensor(await run(new Adam({ learningRate: lr }), grads)), expected);
  });

  test('RMSProp', async () => {
    const [lr, rho, eps] = [0.01, 0.9, 1e-7];
    let w = [1, -2];
    let s = [0, 0];
    const expected: number[][] = [];
    for (const g of grads) {
      s = s.map((si, i) => rho * si + (1 - rho) * (g[i] as number) ** 2);
      w = w.map((wi, i) => wi - (lr * (g[i] as number)) / (Math.sqrt(s[i] as number) + eps));
      expected.push(w);
    }
    await expectTensorsClose(tf.tensor(await run(new RmsProp({ learningRate: lr }), grads)), expected);
  });

  test('state is freed by dispose', async () => {
    const adam = new Adam();
    const w = tf.variable(tf.zeros([3]));
    const g = tf.ones([3]);
    const before = tf.memory().numTensors;
    adam.applyGradients([{ variable: w, gradient: g }]);
    adam.applyGradients([{ variable: w, gradient: g }]);
    expect(adam.stateTensorCount).toBe(2);
    expect(tf.memory().numTensors - before).toBe(2); // m and v, nothing else
    adam.dispose();
    expect(adam.stateTensorCount).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([w, g]);
  });
});

test('bad options', () => {
  expect(() => new Sgd({ learningRate: 0 })).toThrow(/Sgd: expected learningRate > 0, got 0/);
  expect(() => new Sgd({ momentum: 1 })).toThrow(/Sgd: expected momentum in \[0, 1\), got 1/);
  expect(() => new Sgd({ nesterov: true })).toThrow(/Sgd: expected momentum > 0 with nesterov: true, got momentum 0/);
  expect(() => new Adam({ beta2: 1 })).toThrow(/Adam: expected beta2 in \[0, 1\), got 1/);
  expect(() => new RmsProp({ epsilon: -1 })).toThrow(/RmsProp: expected epsilon > 0, got -1/);
});
