import { Dense } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { embedImages } from './embed-images.js';
import { nearestNeighbourAccuracy, separableProblem } from './separable-problem.js';
import { trainEmbedding } from './train-embedding.js';

describeEachBackend('trainEmbedding: a separable problem', (backend) => {
  const minings = backend === 'webgpu' ? (['batch-hard'] as const) : (['random', 'batch-hard', 'semi-hard'] as const);
  for (const mining of minings) {
    test(`${mining} mining: loss falls and nearest-neighbour accuracy on unseen identities rises`, async () => {
      // 8 training identities; the held-out rows are 8 other identities (other prototypes), so the
      // net must learn to read the signal dimensions and ignore the noisy ones, not memorise.
      const train = separableProblem(8, 16, 1, 4, 8, 2);
      const heldOut = separableProblem(8, 4, 9, 4, 8, 2);
      const images = tf.tensor2d(train.values, [train.labels.length, train.width]);
      const test = tf.tensor2d(heldOut.values, [heldOut.labels.length, heldOut.width]);
      const model = new Dense({ units: 8, seed: 3 });
      try {
        const accuracy = async () => {
          const e = embedImages(model, test);
          const values = (await e.data()) as Float32Array;
          e.dispose();
          return nearestNeighbourAccuracy(values, 8, heldOut.labels);
        };
        const before = await accuracy();
        const steps = 150;
        const { loss } = await expectNoLeakedTensors(async () => {
          const result = await trainEmbedding(
            model,
            { images, labels: train.labels },
            { mining, steps, identitiesPerBatch: 4, samplesPerIdentity: 3, learningRate: 0.05, seed: 2 },
          );
          return result;
        });
        const after = await accuracy();
        expect(loss).toHaveLength(steps);
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        expect(mean(loss.slice(-10))).toBeLessThan(0.5 * mean(loss.slice(0, 10)));
        expect(before).toBeLessThan(0.3);
        expect(after).toBeGreaterThan(0.85);
      } finally {
        tf.dispose([images, test]);
        model.dispose();
      }
    }, 120_000);
  }
});
