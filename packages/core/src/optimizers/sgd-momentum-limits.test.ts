// Sgd's momentum at and above its threshold, on every backend, with a constant gradient and values
// computed by hand: momentum 0 keeps no memory (two steps of lr g); momentum mu remembers (lr g, then
// lr (1 + mu) g); Nesterov looks ahead (lr (1 + mu) g, then lr (1 + mu + mu^2) g). Bounds: [0, 1).
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import { Sgd, type SgdOptions } from './sgd.js';

/** The variable after each of two steps from [1, -2, 4] with gradient [0.5, 1, -2] at lr 0.25. */
async function twoSteps(options: SgdOptions): Promise<{ values: number[][]; state: number }> {
  const variable = tf.variable(tf.tensor1d([1, -2, 4]));
  const gradient = tf.tensor1d([0.5, 1, -2]);
  const sgd = new Sgd({ learningRate: 0.25, ...options });
  try {
    const values: number[][] = [];
    for (let i = 0; i < 2; i++) {
      sgd.applyGradients([{ variable, gradient }]);
      values.push(Array.from(await variable.data()));
    }
    return { values, state: sgd.stateTensorCount };
  } finally {
    sgd.dispose();
    tf.dispose([variable, gradient]);
  }
}

const after = (factor: number, from: number[]) => from.map((w, i) => w - 0.25 * factor * ([0.5, 1, -2][i] as number));

describeEachBackend('Sgd momentum at and above 0', () => {
  test('momentum 0: no state, each step lr g', async () => {
    const { values, state } = await twoSteps({ momentum: 0 });
    const first = after(1, [1, -2, 4]);
    expect(values).toEqual([first, after(1, first)]);
    expect(state).toBe(0);
  });

  test('momentum 0.5: lr g, then lr 1.5 g', async () => {
    const { values, state } = await twoSteps({ momentum: 0.5 });
    const first = after(1, [1, -2, 4]);
    expect(values).toEqual([first, after(1.5, first)]);
    expect(state).toBe(1);
  });

  test('Nesterov, momentum 0.5: lr 1.5 g, then lr 1.75 g', async () => {
    const { values } = await twoSteps({ momentum: 0.5, nesterov: true });
    const first = after(1.5, [1, -2, 4]);
    expect(values).toEqual([first, after(1.75, first)]);
  });
});

test('momentum bounds: 0 and just under 1 accepted, 1 and negative refused; nesterov needs momentum', () => {
  expect(new Sgd({ momentum: 0.999999 }).momentum).toBe(0.999999);
  expect(() => new Sgd({ momentum: 1 })).toThrow(/Sgd: expected momentum in \[0, 1\), got 1/);
  expect(() => new Sgd({ momentum: -0.1 })).toThrow(/Sgd: expected momentum in \[0, 1\), got -0.1/);
  expect(() => new Sgd({ nesterov: true })).toThrow(/Sgd: expected momentum > 0 with nesterov: true, got momentum 0/);
});
