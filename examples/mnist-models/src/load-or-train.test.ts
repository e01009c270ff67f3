import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { predict, useBackend } from '@baihua/core';
import { loadOrTrainMnistClassifier, readRecipe } from './load-or-train.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'mnist-models-'));
beforeAll(async () => {
  await useBackend('wasm');
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

for (const [kind, shape] of [
  ['lenet', [12, 32, 32, 1]],
  ['mlp', [12, 784]],
] as const) {
  test(`loadOrTrainMnistClassifier('${kind}'): trains and saves, then loads the same model from cache`, async () => {
    const options = { kind, cacheDir, train: 48, test: 12, epochs: 1, seed: 7 };
    const first = await loadOrTrainMnistClassifier(options);
    const second = await loadOrTrainMnistClassifier(options);
    const { x, y } = first.testTensors();
    try {
      expect([first.fromCache, second.fromCache]).toEqual([false, true]);
      expect(x.shape).toEqual(shape);
      expect(y.shape).toEqual([12, 10]);
      expect(readRecipe(first.directory)).toMatchObject({ kind, train: 48, test: 12, epochs: 1, seed: 7 });
      const a = predict(first.model, x);
      const b = predict(second.model, x);
      const [va, vb] = await Promise.all([a.data(), b.data()]);
      tf.dispose([a, b]);
      expect(Array.from(vb)).toEqual(Array.from(va));
      expect(second.accuracy).toBe(first.accuracy);
      expect(Math.max(...va.map(Math.abs))).toBeGreaterThan(0);
    } finally {
      tf.dispose([x, y]);
      first.model.dispose();
      second.model.dispose();
    }
  });
}

test('loadOrTrainMnistClassifier refuses unknown kinds and options by name', async () => {
  await expect(loadOrTrainMnistClassifier({ kind: 'vgg' as 'mlp', cacheDir })).rejects.toThrow(/kind/);
  await expect(loadOrTrainMnistClassifier({ kind: 'mlp', cacheDir, epoch: 3 } as never)).rejects.toThrow(/epoch/);
  await expect(loadOrTrainMnistClassifier({ kind: 'mlp', cacheDir, train: 0 })).rejects.toThrow(/train/);
});
