// The proof: each of the seed's pitfalls, made to happen on purpose, is found by diagnose()
// with the right finding, and the seed's cure applied to the same setup comes out healthy (no false
// alarm). The whole five cases run, on cpu and wasm.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { cases } from './cases.js';
import { imbalancedDigits } from './digits.js';
import { writePictures } from './pictures.js';
import { caseLine, runCase, verdict } from './run-setup.js';

test('imbalancedDigits: the majority class keeps its count, the nine others 1 in 20', () => {
  const { tensors, counts } = imbalancedDigits({ majority: 1, perMajority: 200, factor: 20, seed: 3 });
  try {
    expect(counts).toEqual([10, 200, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(tensors.x.shape).toEqual([290, 784]);
    const perClass = tf.tidy(() => tf.sum(tensors.y, 0).arraySync() as number[]);
    expect(perClass).toEqual(counts);
  } finally {
    tf.dispose([tensors.x, tensors.y]);
  }
});

const pngSignature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describeEachBackend(
  'the five pitfalls and their cures',
  () => {
    for (const trainingCase of cases) {
      test(`${trainingCase.name}: found as ${trainingCase.pitfall}; after the cure, healthy`, async () => {
        const before = tf.memory().numTensors;
        const runs = await runCase(trainingCase);
        expect(tf.memory().numTensors).toBe(before); // models, data and optimisers all freed
        const found = runs.failure.findings.map((f) => f.pitfall);
        expect(found).toContain(trainingCase.pitfall);
        const expected = runs.failure.findings.find((f) => f.pitfall === trainingCase.pitfall);
        expect(verdict(runs.failure)).toContain(expected?.message);
        expect(runs.cure.findings).toEqual([]);
        expect(verdict(runs.cure)).toBe('healthy');
        const line = caseLine(trainingCase, runs);
        expect(line.startsWith(`${trainingCase.name}: `)).toBe(true);
        expect(line.endsWith(' -> after cure: healthy')).toBe(true);
        expect(line.split(' -> after cure: ')[0]).toContain(expected?.message);
        const outDir = mkdtempSync(join(tmpdir(), 'diagnostics-'));
        try {
          const written = writePictures(trainingCase, runs, outDir);
          expect(written.length).toBeGreaterThanOrEqual(4); // an SVG and a PNG of a chart per run at least
          for (const file of written.filter((f) => f.endsWith('.png')))
            expect(Array.from(readFileSync(file).subarray(0, 8))).toEqual(pngSignature);
          for (const file of written.filter((f) => f.endsWith('.svg')))
            expect(readFileSync(file, 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
        } finally {
          rmSync(outDir, { recursive: true, force: true });
        }
      }, 120_000);
    }
  },
  { backends: ['cpu', 'wasm'] },
);
