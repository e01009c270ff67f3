import * as tf from '@tensorflow/tfjs-core';
import { Dense, Sequential } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { fgsm } from './fgsm.js';

// A linear classifier z = x W + b with two classes. The cross-entropy gradient of class 0 is
// p1 (w1 - w0), so untargeted FGSM on label 0 (and targeted FGSM towards class 1) moves every
// input by exactly eps * sign(w1 - w0), then clips into the bounds.
const w0 = [0.5, -1, 2, 0.25];
const w1 = [-0.5, 1, -1, 0.75];
const step = w0.map((v, i) => Math.sign((w1[i] as number) - v));

describeEachBackend('fgsm', () => {
  test('on a known linear model it equals the closed form clip(x + eps sign(w1 - w0))', async () => {
    const weights = tf.tensor2d(w0.map((v, i) => [v, w1[i] as number]));
    const bias = tf.tensor1d([3, 0]);
    const classifier = (x: tf.Tensor) => tf.add(tf.matMul(x as tf.Tensor2D, weights), bias);
    const rows = [
      [0.5, 0.5, 0.5, 0.5],
      [0.05, 0.95, 0.2, 0.97],
      [0, 1, 1, 0],
    ];
    const images = tf.tensor2d(rows);
    try {
      const epsilon = 0.1;
      const expected = rows.map((row) =>
        row.map((v, i) => Math.min(1, Math.max(0, v + epsilon * (step[i] as number)))),
      );
      for (const options of [{ epsilon }, { epsilon, targets: [1, 1, 1] }]) {
        const result = await expectNoLeakedTensors(async () => {
          const r = await fgsm(classifier, images, [0, 0, 0], options);
          const values = (await r.adversarial.array()) as number[][];
          r.adversarial.dispose();
          return { ...r, values };
        });
        result.values.forEach((row, n) => row.forEach((v, i) => expect(v).toBeCloseTo(expected[n]![i]!, 5)));
        expect(result.cleanPredictions).toEqual([0, 0, 0]);
        expect(result.attacked).toBe(3);
      }
    } finally {
      tf.dispose([weights, bias, images]);
    }
  });

  test('works on a core Layer; success is counted over the rightly classified only', async () => {
    const model = new Sequential({ layers: [new Dense({ units: 2, seed: 3 })] });
    const images = tf.tensor2d([
      [0.2, 0.4, 0.6, 0.8],
      [0.9, 0.1, 0.3, 0.5],
    ]);
    try {
      const clean = tf.tidy(() => tf.argMax(model.apply(images) as tf.Tensor, 1));
      const predicted = Array.from(await clean.data());
      clean.dispose();
      // Row 0 keeps its predicted label (attackable), row 1 gets the other label (already wrong).
      const labels = [predicted[0] as number, 1 - (predicted[1] as number)];
      const result = await fgsm(model, images, labels, { epsilon: 1, batchSize: 1 });
      result.adversarial.dispose();
      expect(result.attacked).toBe(1);
      expect(result.success[0]).toBe(result.predictions[0] !== labels[0]);
      expect(result.successRate).toBe(result.success[0] ? 1 : 0);
      expect(result.robustAccuracy).toBe(result.predictions.filter((p, i) => p === labels[i]).length / 2);
    } finally {
      images.dispose();
      model.dispose?.();
    }
  });
});
