import * as tf from '@tensorflow/tfjs-core';
import { Dense, Sequential } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { fgsm } from './fgsm.js';
import { pgd } from './pgd.js';

// One feature x in [0, 1]; class 1 wins only in the band |x - 0.6| < 0.05 (z1 = 1 - 20 |x - 0.6|,
// z0 = 0). From x = 0.5 with eps = 0.3, FGSM's single full step lands at 0.8 (outside the band);
// PGD's small steps settle inside it.
const band = (x: tf.Tensor) =>
  tf.tidy(() => {
    const z1 = tf.sub(1, tf.mul(20, tf.abs(tf.sub(x, 0.6))));
    return tf.concat([tf.zerosLike(z1), z1], 1);
  });

describeEachBackend('pgd', (backend) => {
  test('stays within the eps ball and the bounds; the same seed gives the same result', async () => {
    const model = new Sequential({
      layers: [new Dense({ units: 6, activation: 'relu', seed: 1 }), new Dense({ units: 3, seed: 2 })],
    });
    const rows = backend === 'webgpu' ? 3 : 10;
    const values = Array.from({ length: rows * 16 }, (_, i) => ((i * 37) % 101) / 100);
    const images = tf.tensor2d(values, [rows, 16]);
    const labels = Array.from({ length: rows }, (_, i) => i % 3);
    try {
      const epsilon = 0.05;
      const run = async () => {
        const r = await pgd(model, images, labels, { epsilon, iterations: 5, seed: 4, batchSize: 4 });
        const out = Array.from(await r.adversarial.data());
        r.adversarial.dispose();
        return { ...r, out };
      };
      const first = await run(); // builds the model's weights
      const second = await expectNoLeakedTensors(run);
      first.out.forEach((v, i) => {
        const x = values[i] as number;
        expect(v).toBeGreaterThanOrEqual(Math.max(0, x - epsilon) - 1e-6);
        expect(v).toBeLessThanOrEqual(Math.min(1, x + epsilon) + 1e-6);
      });
      expect(first.out).toEqual(second.out);
      expect(first.predictions).toHaveLength(rows);
    } finally {
      images.dispose();
      model.dispose();
    }
  });

  test('beats FGSM on a classifier whose weak spot is narrower than eps', async () => {
    const images = tf.tensor2d([[0.5], [0.45], [0.7]]);
    try {
      const attack = await expectNoLeakedTensors(async () => {
        const one = await fgsm(band, images, [0, 0, 0], { epsilon: 0.3 });
        const many = await pgd(band, images, [0, 0, 0], { epsilon: 0.3, iterations: 60, stepSize: 0.01, seed: 1 });
        tf.dispose([one.adversarial, many.adversarial]);
        return { one, many };
      });
      expect(attack.one.successRate).toBe(0);
      expect(attack.many.successRate).toBe(1);
      expect(attack.many.predictions).toEqual([1, 1, 1]);
    } finally {
      images.dispose();
    }
  });

  test('targeted: reaches the target class inside the ball', async () => {
    const images = tf.tensor2d([[0.5]]);
    try {
      const result = await pgd(band, images, [0], { epsilon: 0.3, iterations: 60, stepSize: 0.01, targets: [1] });
      const x = (await result.adversarial.data())[0] as number;
      result.adversarial.dispose();
      expect(result.success).toEqual([true]);
      expect(Math.abs(x - 0.6)).toBeLessThan(0.05);
    } finally {
      images.dispose();
    }
  });
});
