import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { deletionCurve } from './perturbation-curve.js';
import { linearClassifier, seededImages } from './explain-test-models.js';
import { gradientTimesInput } from './gradient-times-input.js';
import { integratedGradients } from './integrated-gradients.js';
import { kernelShap } from './kernel-shap.js';
import { lime } from './lime.js';
import { occlusion } from './occlusion.js';
import { saliency } from './saliency.js';
import { smoothGrad } from './smooth-grad.js';

describeEachBackend('explanations refuse bad input', () => {
  test('clear errors naming function and argument, and nothing leaked (each failing call made twice)', async () => {
    const model = linearClassifier(Array.from({ length: 16 }, (_, q) => q / 16));
    const images = seededImages([2, 4, 4, 1], 1);
    const flat = tf.zeros([16]);
    const holes = tf.tensor([0.5, Number.NaN, 0.2, Number.POSITIVE_INFINITY], [1, 2, 2, 1]);
    const bright = tf.fill([1, 4, 4, 1], 1.5);
    const badOutput = (x: tf.Tensor) => tf.sum(x, [1, 2, 3]);
    const wrongMap = tf.zeros([2, 4, 3, 1]);
    const badBaseline = tf.zeros([3, 3]);
    const volume = tf.zeros([1, 2, 2, 2, 1]);
    try {
      const cases: [() => Promise<unknown>, RegExp][] = [
        [
          () => saliency(model.classify, flat),
          /saliency: expected images \[N, \.\.\.\] of rank >= 2 .* got shape \[16\]/,
        ],
        [
          () => saliency(model.classify, images, { classIndex: 2 }),
          /saliency: expected options\.classIndex to be an integer in \[0, 1\], got 2/,
        ],
        [
          () => gradientTimesInput(model.classify, images, { classIndex: [0, -1] }),
          /gradientTimesInput: expected options\.classIndex\[1\] to be an integer in \[0, 1\], got -1/,
        ],
        [
          () => gradientTimesInput(model.classify, images, { classIndex: [0] }),
          /expected options\.classIndex to hold 2 classes \(one per image\), got 1/,
        ],
        [
          () => integratedGradients(model.classify, images, { steps: 0 }),
          /integratedGradients: expected options\.steps to be a positive integer, got 0/,
        ],
        [
          () => integratedGradients(model.classify, images, { rule: 'simpson' as never }),
          /expected options\.rule to be one of 'trapezoid', 'midpoint', got "simpson"/,
        ],
        [
          () => integratedGradients(model.classify, images, { baseline: badBaseline }),
          /integratedGradients: expected options\.baseline of shape \[4,4,1\] or \[2,4,4,1\], got \[3,3\]/,
        ],
        [() => saliency(model.classify, holes), /saliency: expected images to be finite, got 2 non-finite values/],
        [
          () => smoothGrad(model.classify, bright),
          /smoothGrad: expected images in the bounds \[0, 1\], got values in \[1\.5, 1\.5\]/,
        ],
        [() => smoothGrad(model.classify, images, { sigma: -1 }), /smoothGrad: expected options\.sigma >= 0, got -1/],
        [
          () => saliency(badOutput, images),
          /saliency: expected the classifier to return logits of shape \[2,K\] with K >= 2, got shape \[2\]/,
        ],
        [
          () => saliency({} as never, images),
          /saliency: expected classifier to be a model \(with apply\) or a function, got object/,
        ],
        [
          () => occlusion(model.classify, images, { patchSize: 5 }),
          /occlusion: expected options\.patchSize within the 4 x 4 image, got 5/,
        ],
        [
          () => occlusion(model.classify, images, { fill: 2 }),
          /occlusion: expected options\.fill in the bounds \[0, 1\], got 2/,
        ],
        [
          () => lime(model.classify, images, { features: 9, patchSize: 2 }),
          /lime: expected options\.features <= 4 \(the number of segments\), got 9/,
        ],
        [
          () => lime(model.classify, images, { sampels: 10 } as never),
          /lime: unknown key 'sampels' in options \(did you mean 'samples'\?/,
        ],
        [
          () => kernelShap(model.classify, images, { samples: 1, patchSize: 2 }),
          /kernelShap: expected options\.samples >= 2 for 4 segments, got 1/,
        ],
        [
          () => kernelShap(model.classify, volume, {}),
          /kernelShap: expected images \[N, H, W, C\], \[N, H, W\] or \[N, D\], got shape \[1,2,2,2,1\]/,
        ],
        [
          () => deletionCurve(model.classify, images, wrongMap),
          /deletionCurve: expected images and attributions to have the same shape, got \[2,4,4,1\] and \[2,4,3,1\]/,
        ],
        [
          () => deletionCurve(model.classify, images, images, { steps: 0 }),
          /deletionCurve: expected options\.steps to be a positive integer, got 0/,
        ],
      ];
      for (const [call, message] of cases) {
        await expect(call()).rejects.toThrow(message);
        const before = tf.memory().numTensors;
        await expect(call()).rejects.toThrow(message);
        expect(tf.memory().numTensors, String(message)).toBe(before);
      }
    } finally {
      tf.dispose([images, flat, holes, bright, wrongMap, badBaseline, volume]);
      model.dispose();
    }
  });
});
