import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend } from '@baihua/core';
import { expect, test } from 'vitest';
import { summaryLines } from './evaluate-cases.js';
import { runExample } from './run-example.js';

// The example's own backend, at a tiny size (the package tests cover cpu and webgpu).
test('a tiny wasm run prints a report per held-out case and the three lines, writes two PNGs, no leak', async () => {
  await useBackend('wasm');
  const outDir = mkdtempSync(join(tmpdir(), 'cardiac-ef-'));
  const lines: string[] = [];
  const before = tf.memory().numTensors;
  try {
    const result = await runExample({
      train: 4,
      test: 2,
      epochs: 12,
      seed: 5,
      learningRate: 5e-3,
      filters: 4,
      batchSize: 2,
      outDir,
      phantom: { shape: [8, 8, 8], spacing: [14, 11, 11], phases: [10, 12], supersample: 1 },
      progress: 'none',
      write: (line) => lines.push(line),
    });
    expect(tf.memory().numTensors).toBe(before);
    const text = lines.join('\n');
    expect(text).toMatch(/^training: \d+ volumes \(4 cases x their phases\), 12 epochs, [\d.]+ s; final loss [\d.]+$/m);
    expect(text).toMatch(/^case 10000: EDV [\d.]+ mL \(phase \d+\), ESV [\d.]+ mL \(phase \d+\), EF [\d.]+% -> /m);
    expect(text).toMatch(/^case 10001: /m);
    expect(lines.slice(-3)[0]).toMatch(/^Dice \(LV cavity\): \d\.\d\d$/);
    expect(lines.slice(-3)[1]).toMatch(/^EF mean absolute error: \d+\.\d points$/);
    expect(lines.slice(-3)[2]).toMatch(/^EF class agreement: \d+\.\d%$/);
    expect(result.evaluations).toHaveLength(2);
    expect(result.summary.dice).toBeGreaterThan(0.5); // 0.86 measured: 12 epochs on 4 tiny cases
    for (const file of result.pictures) expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});

test("summaryLines: the three lines in the issue's format; a case with no cavity is named, left out", () => {
  const summary = { dice: 0.9634, efMeanAbsoluteError: 2.349, classAgreement: 0.8, undefinedEf: 0 };
  expect(summaryLines(summary)).toEqual([
    'Dice (LV cavity): 0.96',
    'EF mean absolute error: 2.3 points',
    'EF class agreement: 80.0%',
  ]);
  expect(summaryLines({ ...summary, undefinedEf: 1 })[0]).toBe(
    'EF undefined (nothing segmented) in 1 case(s), left out of the error',
  );
});
