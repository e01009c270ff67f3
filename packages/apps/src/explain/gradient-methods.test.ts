import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { linearClassifier, seededImages, tinyNetwork, valuesOf } from './explain-test-models.js';
import { gradientTimesInput } from './gradient-times-input.js';
import { integratedGradients } from './integrated-gradients.js';
import { saliency } from './saliency.js';
import { smoothGrad } from './smooth-grad.js';

const weights = Array.from({ length: 16 }, (_, q) => ((q * 7) % 5) - 2 + 0.25 * (q % 3));

describeEachBackend('gradient attributions', () => {
  test('on a linear model f(x) = w.x: gradient x input and integrated gradients are exactly w * x', async () => {
    const model = linearClassifier(weights, 0.5);
    const images = seededImages([3, 4, 4, 1], 1);
    try {
      const x = await images.data();
      const expected = Array.from(x, (v, k) => v * (weights[k % 16] as number));
      const gxi = await expectNoLeakedTensors(() =>
        gradientTimesInput(model.classify, images, { classIndex: 0 }).then(valuesOf),
      );
      gxi.forEach((v, k) => expect(v).toBeCloseTo(expected[k] as number, 5));
      for (const rule of ['trapezoid', 'midpoint'] as const) {
        const { ig, ...result } = await expectNoLeakedTensors(async () => {
          const { attributions, ...rest } = await integratedGradients(model.classify, images, {
            classIndex: 0,
            steps: 3,
            rule,
          });
          return { ig: await valuesOf(attributions), ...rest };
        });
        ig.forEach((v, k) => expect(v).toBeCloseTo(expected[k] as number, 5));
        // Completeness: sum IG = f(x) - f(0) = w.x (the bias cancels).
        result.outputDifferences.forEach((d, i) => {
          const wx = expected.slice(i * 16, (i + 1) * 16).reduce((a, b) => a + b, 0);
          expect(d).toBeCloseTo(wx, 4);
        });
        result.completenessErrors.forEach((e) => expect(e).toBeLessThan(1e-4));
        expect(result.relativeCompletenessError).toBeLessThan(1e-5);
      }
    } finally {
      tf.dispose(images);
      model.dispose();
    }
  });

  test('on a linear model saliency is |w| (signed: w) and SmoothGrad is |w| whatever the noise', async () => {
    const model = linearClassifier(weights);
    const images = seededImages([2, 4, 4, 1], 2);
    try {
      const magnitude = await saliency(model.classify, images, { classIndex: 0 }).then(valuesOf);
      const signed = await saliency(model.classify, images, { classIndex: 1, signed: true }).then(valuesOf);
      const smooth = await expectNoLeakedTensors(() =>
        smoothGrad(model.classify, images, { classIndex: 0, samples: 3, sigma: 0.3, seed: 4 }).then(valuesOf),
      );
      magnitude.forEach((v, k) => expect(v).toBeCloseTo(Math.abs(weights[k % 16] as number), 5));
      signed.forEach((v, k) => expect(v).toBeCloseTo(-(weights[k % 16] as number), 5));
      smooth.forEach((v, k) => expect(v).toBeCloseTo(Math.abs(weights[k % 16] as number), 5));
    } finally {
      tf.dispose(images);
      model.dispose();
    }
  });

  test('on a tanh network: saliency matches central finite differences; IG completeness holds to < 1%', async () => {
    const model = tinyNetwork(3);
    const images = seededImages([2, 8, 8, 1], 5);
    try {
      const classIndex = [2, 0];
      const gradient = await saliency(model, images, { classIndex, signed: true, batchSize: 1 }).then(valuesOf);
      const x = Array.from(await images.data());
      const logitAt = async (values: number[], i: number) => {
        const logits = model.apply(tf.tensor(values.slice(i * 64, (i + 1) * 64), [1, 8, 8, 1]));
        return (await valuesOf(logits))[classIndex[i] as number] as number;
      };
      for (const k of [3, 64 + 41]) {
        const i = Math.floor(k / 64);
        const [up, down] = [[...x], [...x]];
        up[k] = (up[k] as number) + 1e-2;
        down[k] = (down[k] as number) - 1e-2;
        const numeric = ((await logitAt(up, i)) - (await logitAt(down, i))) / 2e-2;
        expect(gradient[k]).toBeCloseTo(numeric, 2);
      }
      const result = await expectNoLeakedTensors(() => integratedGradients(model, images, { classIndex, steps: 32 }));
      expect(result.relativeCompletenessError).toBeLessThan(0.01);
      const coarse = await integratedGradients(model, images, { classIndex, steps: 1, rule: 'midpoint' });
      coarse.attributions.dispose();
      // One midpoint step is gradient x input at x/2: not complete on a nonlinear model.
      expect(coarse.relativeCompletenessError).toBeGreaterThan(result.relativeCompletenessError);
    } finally {
      tf.dispose(images);
      model.dispose();
    }
  });
});
