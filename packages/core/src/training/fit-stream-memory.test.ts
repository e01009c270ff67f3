import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { fromGenerator } from '../data/from-generator.js';
import { createRandom } from '../random/seeded-random.js';
import { Dense, Sequential } from '../layers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { fit } from './fit.js';

const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));

describeEachBackend('fit from a generator larger than memory', (backend) => {
  // 200 batches of 64 rows per epoch: 12,800 rows, 100x what the pipeline holds at once (the batch in
  // training and one read ahead). On webgpu 20 (10x): its SwiftShader adapter runs a step ~100x slower.
  const batches = backend === 'webgpu' ? 20 : 200;

  test(`${batches} synthesised batches of 64 rows, 3 epochs: numBytes and numTensors flat across epochs`, async () => {
    let made = 0;
    const corpus = fromGenerator(function* () {
      const random = createRandom(made);
      for (let i = 0; i < batches; i++) {
        made++;
        const values = Float32Array.from({ length: 64 * 16 }, () => 2 * random.next() - 1);
        yield tf.tidy(() => {
          const x = tf.tensor2d(values, [64, 16]);
          return { x, y: tf.sum(x, 1, true) };
        });
      }
    }).prefetch(1);
    const model = new Sequential({
      seed: 3,
      layers: [new Dense({ units: 8, activation: 'relu' }), new Dense({ units: 1 })],
    });
    const memory: { numBytes: number; numTensors: number }[] = [];
    const before = tf.memory();
    const history = await fit(model, corpus, {
      loss: mse,
      epochs: 3,
      progress: 'none',
      callbacks: {
        onEpochEnd: () => void memory.push({ numBytes: tf.memory().numBytes, numTensors: tf.memory().numTensors }),
      },
    });
    expect(made).toBe(3 * batches);
    expect(memory).toHaveLength(3);
    expect(memory[1]).toEqual(memory[0]);
    expect(memory[2]).toEqual(memory[0]);
    // What stays after the first epoch: the model's weights and Adam's two moments per weight (4 x 3 tensors).
    expect((memory[0] as { numTensors: number }).numTensors - before.numTensors).toBe(12);
    const weightBytes = model.weights().reduce((n, w) => n + 4 * w.variable.size, 0);
    expect((memory[0] as { numBytes: number }).numBytes - before.numBytes).toBe(3 * weightBytes);
    expect(history.last('loss')).toBeLessThan(history.get('loss')[0] as number);
    expect(tf.memory().numTensors - before.numTensors).toBe(model.weights().length);
    model.dispose();
  }, 120_000);
});
