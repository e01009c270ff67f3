import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectTensorsClose } from '../testing.js';
import { createRandom } from '../random/seeded-random.js';
import { Dropout } from './dropout.js';

describeEachBackend('Dropout', () => {
  test('inference: identity; training: zeros or x / (1 - rate), about rate of them zero', async () => {
    const drop = new Dropout({ rate: 0.25, seed: 5 });
    const x = tf.ones([40, 50]);
    const same = drop.apply(x);
    await expectTensorsClose(same, x, { rtol: 0, atol: 0 });
    const y = drop.apply(x, { training: true });
    const values = Array.from(await y.data());
    expect(values.every((v) => v === 0 || Math.abs(v - 1 / 0.75) < 1e-6)).toBe(true);
    const zeros = values.filter((v) => v === 0).length / values.length;
    expect(zeros).toBeGreaterThan(0.2);
    expect(zeros).toBeLessThan(0.3);
    tf.dispose([x, same, y]);
    drop.dispose();
  });

  test('seeded: the same seed gives the same masks on every backend; the mask changes per call', async () => {
    const a = new Dropout({ rate: 0.5, seed: 11 });
    const b = new Dropout({ rate: 0.5, seed: 11 });
    const x = tf.ones([1, 16]);
    const [a1, b1, a2] = [
      a.apply(x, { training: true }),
      b.apply(x, { training: true }),
      a.apply(x, { training: true }),
    ];
    const random = createRandom(11);
    const expected = Array.from({ length: 16 }, () => (random.next() < 0.5 ? 2 : 0));
    expect(Array.from(await a1.data())).toEqual(Array.from(await b1.data()));
    expect(Array.from(await a1.data())).toEqual(expected);
    expect(Array.from(await a2.data())).not.toEqual(expected);
    tf.dispose([x, a1, b1, a2]);
  });

  test('gradient: the same mask scales the upstream gradient', async () => {
    const drop = new Dropout({ rate: 0.5, seed: 11 });
    const x = tf.tensor2d([[0.5, -1, 2, 0.3]]);
    // A fresh layer per evaluation replays the same mask, so finite differences see one fixed function.
    await checkGradients((input) => new Dropout({ rate: 0.5, seed: 11 }).apply(input, { training: true }), [x]);
    tf.dispose([x]);
    drop.dispose();
  });

  test('bad options', () => {
    expect(() => new Dropout({ rate: 1 })).toThrow(/Dropout: expected rate in \[0, 1\), got 1/);
    expect(() => new Dropout({ rate: -0.1 })).toThrow(/Dropout: expected rate in \[0, 1\), got -0.1/);
  });
});
