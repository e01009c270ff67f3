import { createRandom } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { pairDistances, verificationPairs } from '../index.js';

describeEachBackend('pairDistances', (backend) => {
  test('euclidean distances of the pairs equal a JavaScript reference, nothing leaked', async () => {
    const [rows, width] = backend === 'webgpu' ? [6, 4] : [12, 7];
    const random = createRandom(3);
    const values = Array.from({ length: rows * width }, () => random.normal());
    const labels = Array.from({ length: rows }, (_, i) => i % 3);
    const pairs = verificationPairs(labels, { negativesPerPositive: 1.5, seed: 1 });
    const embeddings = tf.tensor2d(values, [rows, width]);
    try {
      const distances = await expectNoLeakedTensors(() => pairDistances(embeddings, pairs));
      expect(distances).toBeInstanceOf(Float32Array);
      expect(distances.length).toBe(pairs.first.length);
      pairs.first.forEach((a, k) => {
        const b = pairs.second[k] as number;
        let sum = 0;
        for (let c = 0; c < width; c++)
          sum += ((values[a * width + c] as number) - (values[b * width + c] as number)) ** 2;
        expect(distances[k]).toBeCloseTo(Math.sqrt(sum), 5);
      });
      // A pair of one row with itself is 0; plain arrays and int32 embeddings work too.
      const ints = tf.tensor2d([0, 0, 3, 4, 6, 8], [3, 2], 'int32');
      const own = await expectNoLeakedTensors(() => pairDistances(ints, { first: [0, 1, 2], second: [1, 2, 2] }));
      ints.dispose();
      expect(Array.from(own)).toEqual([5, 5, 0]);
    } finally {
      embeddings.dispose();
    }
  }, 60_000);
});
