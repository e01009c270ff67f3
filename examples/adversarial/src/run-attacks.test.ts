import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { Dense, Flatten, saveModel, Sequential } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { loadDigits } from '@baihua/example-mnist-data';
import { classifierInput } from '@baihua/example-mnist-models';
import { expect, test } from 'vitest';
import { attackPicture } from './attack-picture.js';
import { loadOrTrainDefended } from './defended-models.js';
import { pictureRows, pictureTitles } from './picture-rows.js';
import { attackModel, reportLines } from './run-attacks.js';

const tiny = {
  epsilon: 0.1,
  pgdIterations: 3,
  onePixelDigits: 2,
  pixelCounts: [1, 3],
  populationSize: 8,
  generations: 2,
  seed: 1,
};

// cpu and wasm: the example runs on wasm (cpu is the reference); the library's own tests cover webgpu.
describeEachBackend(
  'the adversarial example at a tiny size',
  () => {
    test('a stand-in classifier: adversarial training from a saved copy, the attacks, the lines, the PNG', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'adversarial-example-'));
      const plain = new Sequential({ layers: [new Flatten(), new Dense({ units: 10, seed: 1 })], seed: 1 });
      const digits = classifierInput('lenet', loadDigits({ train: 8000, test: 2000, seed: 2026, padding: 2 }).test, 4);
      try {
        plain.apply(digits.x).dispose();
        await saveModel(plain, join(folder, 'plain'));
        const options = { plainDirectory: join(folder, 'plain'), cacheDir: folder, epochs: 1, train: 64 };
        const trained = await loadOrTrainDefended('adversarial', options);
        expect(trained.fromCache).toBe(false);
        const again = await loadOrTrainDefended('adversarial', options);
        expect(again.fromCache).toBe(true);
        again.model.dispose();
        const labelTensor = tf.argMax(digits.y, 1);
        const labels = Array.from(await labelTensor.data());
        labelTensor.dispose();
        const before = tf.memory().numTensors;
        const attackedPlain = await attackModel(plain, digits.x, labels, tiny, 2);
        const attackedTrained = await attackModel(trained.model, digits.x, labels, tiny, 2);
        expect(tf.memory().numTensors).toBe(before);
        const lines = reportLines(attackedPlain, 0.1);
        expect(lines[0]).toMatch(/^clean accuracy: \d+\.\d\d%$/);
        expect(lines[1]).toMatch(/^FGSM eps=0\.1 success: (\d+\.\d\d%|n\/a)$/);
        expect(lines[2]).toMatch(/^PGD eps=0\.1 success: (\d+\.\d\d%|n\/a)$/);
        expect(lines[3]).toMatch(/^one-pixel \(1 px\) success: (\d+\.\d\d%|n\/a) \(on the first 2 digits, \d of them/);
        expect(lines[4]).toMatch(/^one-pixel \(3 px\) success: /);
        const originals = (await digits.x.data()) as Float32Array;
        const shown = [0, 1].map((i) => originals.slice(i * 1024, (i + 1) * 1024));
        const png = attackPicture(
          pictureTitles(3),
          pictureRows(shown, labels, attackedPlain, attackedTrained, 0.1),
          32,
        );
        expect(Array.from(png.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]); // "PNG"
        trained.model.dispose();
      } finally {
        tf.dispose([digits.x, digits.y]);
        plain.dispose();
        rmSync(folder, { recursive: true, force: true });
      }
    });
  },
  { backends: ['cpu', 'wasm'] },
);
