import * as tf from '@tensorflow/tfjs-core';
import { Adam, Dense, fit, Sequential } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { softmaxCrossEntropy } from '@baihua/losses';
import { expect, test } from 'vitest';
import { adversarialBatches } from './adversarial-batches.js';

// Rows i = 0..5, every feature i / 5 (originals 0.2 apart, further than 2 eps), label i % 2.
const rows = 6;
const makeData = () => ({
  x: tf.tidy(() => tf.tile(tf.reshape(tf.div(tf.range(0, rows), rows - 1), [rows, 1]), [1, 4])),
  y: tf.tensor1d(
    Array.from({ length: rows }, (_, i) => i % 2),
    'int32',
  ),
});

describeEachBackend('adversarialBatches', () => {
  test('mixes round(fraction B) attacked rows, each within eps of its own original, labels kept', async () => {
    const model = new Sequential({ layers: [new Dense({ units: 2, seed: 1 })] });
    const data = makeData();
    const epsilon = 0.05;
    try {
      model.apply(data.x).dispose(); // build the weights outside the leak check
      await expectNoLeakedTensors(async () => {
        const stream = await adversarialBatches(model, data, { epsilon, batchSize: 4, fraction: 0.5, seed: 2 });
        const sizes: number[] = [];
        for await (const batch of stream) {
          const xs = (await batch.x.array()) as number[][];
          const ys = Array.from(await batch.y.data());
          tf.dispose([batch.x, batch.y]);
          sizes.push(xs.length);
          xs.forEach((row, r) => {
            const original = Math.round((row[0] as number) * (rows - 1)); // nearest original row
            expect(ys[r]).toBe(original % 2);
            const moved = row.some((v) => Math.abs(v - original / (rows - 1)) > 1e-6);
            for (const v of row) expect(Math.abs(v - original / (rows - 1))).toBeLessThanOrEqual(epsilon + 1e-6);
            if (r >= Math.round(0.5 * xs.length)) expect(moved).toBe(false);
          });
        }
        expect(sizes).toEqual([4, 2]);
      });
    } finally {
      tf.dispose([data.x, data.y]);
      model.dispose();
    }
  });

  test("feeds core's fit: FGSM adversarial training runs and its loss falls", async () => {
    const model = new Sequential({
      layers: [new Dense({ units: 8, activation: 'relu', seed: 1 }), new Dense({ units: 2, seed: 2 })],
    });
    const data = makeData();
    try {
      const stream = await adversarialBatches(model, data, {
        attack: 'fgsm',
        epsilon: 0.02,
        batchSize: 6,
        fraction: 1,
      });
      const history = await fit(model, stream, {
        loss: softmaxCrossEntropy,
        optimizer: new Adam({ learningRate: 0.05 }),
        epochs: 30,
        progress: 'none',
      });
      const losses = history.get('loss');
      expect(losses[losses.length - 1]).toBeLessThan(losses[0] as number);
    } finally {
      tf.dispose([data.x, data.y]);
      model.dispose();
    }
  });
});
