import * as tf from '@tensorflow/tfjs-core';
import { Dense, Flatten, Sequential, useBackend } from '@baihua/core';
import { expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { defaultSettings, methodNames, reportLines, runExplanations } from './run-explanations.js';

test('the pipeline at a tiny size on wasm: every method, the two report lines, a PNG, nothing leaked', async () => {
  await useBackend('wasm');
  const model = new Sequential({ seed: 3, layers: [new Flatten(), new Dense({ units: 10 })] });
  const images = tf.tidy(() => tf.clipByValue(tf.randomUniform([3, 32, 32, 1], 0, 1, 'float32', 5), 0, 1));
  tf.tidy(() => model.apply(images));
  try {
    const settings = { ...defaultSettings, igSteps: 8, smoothGradSamples: 2, patchSize: 8, limeSamples: 40 };
    const report = await expectNoLeakedTensors(() =>
      runExplanations(model, images, { ...settings, shapSamples: 40, curveSteps: 4, pictureDigits: 2 }),
    );
    // A linear model: integrated gradients are exact whatever the steps.
    expect(report.completenessError).toBeLessThan(1e-3);
    const [completeness, deletion] = reportLines(report);
    expect(completeness).toMatch(/^integrated gradients completeness error: \d+\.\d\d%$/);
    const auc = (name: string) => `${name} 0\\.\\d\\d`;
    const methods = ['saliency', 'integrated gradients', 'LIME', 'SHAP', 'random'].map(auc).join(', ');
    expect(deletion).toMatch(new RegExp(`^deletion AUC \\(lower is better\\): ${methods}$`));
    for (const name of methodNames) {
      expect(report.deletionAuc[name]).toBeGreaterThanOrEqual(0);
      expect(report.deletionCurves[name]).toHaveLength(5);
    }
    expect(Array.from(report.heatmapPng.subarray(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
  } finally {
    tf.dispose(images);
    model.dispose();
  }
}, 120_000);
