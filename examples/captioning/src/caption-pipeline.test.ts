import { useBackend } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, expect, test } from 'vitest';
import { runCaptioning } from './caption-pipeline.js';

beforeAll(async () => {
  await useBackend('wasm');
});

const pngSignature = [137, 80, 78, 71, 13, 10, 26, 10];

test('a tiny run: trained captions share more words with the truths than untrained ones; pictures', async () => {
  const before = tf.memory().numTensors;
  const settings = {
    trainScenes: 64,
    testScenes: 16,
    size: 16,
    epochs: 10,
    batchSize: 16,
    learningRate: 0.01,
    wordDropout: 0,
    filters: [8, 16],
    hiddenSize: 24,
    beamWidth: 2,
    seed: 1,
  };
  const untrained = await runCaptioning({ ...settings, epochs: 1, learningRate: 1e-6 });
  const report = await runCaptioning(settings);
  expect(report.losses).toHaveLength(10);
  expect(report.losses.at(-1)).toBeLessThan((report.losses[0] as number) * 0.7);
  expect(report.bleu).toHaveLength(4);
  expect(report.bleu[0]).toBeGreaterThan((untrained.bleu[0] as number) + 0.2);
  expect(report.heldOutPairsRight).toBeGreaterThanOrEqual(0);
  expect(report.seenBleu[0]).toBeGreaterThan((untrained.seenBleu[0] as number) + 0.2);
  expect(report.samples).toHaveLength(5);
  expect(Array.from(report.sheetPng.subarray(0, 8))).toEqual(pngSignature);
  expect(Array.from(report.attentionPng?.subarray(0, 8) ?? [])).toEqual(pngSignature);
  expect(tf.memory().numTensors).toBe(before);
}, 120_000);
