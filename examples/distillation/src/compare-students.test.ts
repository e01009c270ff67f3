import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useBackend } from '@baihua/core';
import { loadDigits, toTensors } from '@baihua/example-mnist-data';
import { loadOrTrainMnistClassifier } from '@baihua/example-mnist-models';
import { buildStudent, compareStudents, lenetOnFlatDigits } from './compare-students.js';

const cacheDir = mkdtempSync(join(tmpdir(), 'distillation-'));
beforeAll(async () => {
  await useBackend('wasm');
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

test('the student has 4,978 parameters (196*24 + 24 + 24*10 + 10), under a tenth of LeNet-5', () => {
  const student = buildStudent(24, 1);
  tf.dispose(student.apply(tf.zeros([1, 784])));
  expect(student.countParams()).toBe(4978);
  expect(student.countParams()).toBeLessThanOrEqual(61706 / 10);
  student.dispose();
});

test('a tiny run: LeNet-5 on flat digits equals LeNet-5 on its own 32x32 digits; both students train', async () => {
  const seed = 5;
  const teacher = await loadOrTrainMnistClassifier({ kind: 'lenet', cacheDir, train: 64, test: 32, epochs: 1, seed });
  const split = loadDigits({ train: 64, test: 32, seed });
  const train = toTensors(split.train, 'flat');
  const test = toTensors(split.test, 'flat');
  const padded = teacher.testTensors();
  try {
    const [a, b] = [lenetOnFlatDigits(teacher.model)(test.x), teacher.model.apply(padded.x)];
    const [va, vb] = [await a.data(), await b.data()];
    tf.dispose([a, b]);
    expect(Math.max(...va.map((v, i) => Math.abs(v - (vb[i] as number))))).toBeLessThan(1e-5);
    const settings = { hidden: 8, epochs: 3, batchSize: 16, temperature: 2, alpha: 0.5, learningRate: 3e-3, seed };
    const result = await compareStudents({ teacher: teacher.model, train, test, ...settings });
    expect(result.aloneCurve).toHaveLength(3);
    expect(result.distilledCurve).toHaveLength(3);
    expect(result.distilledAccuracy).toBe(result.distilledCurve[2]);
    expect(result.aloneAccuracy).toBeCloseTo(result.aloneCurve[2] as number, 6);
    // Same start, different objectives: the two students end in different places.
    const [wa, wb] = [result.alone, result.distilled].map((m) => m.trainableWeights()[2]?.variable as tf.Tensor);
    const gap = tf.max(tf.abs(tf.sub(wa as tf.Tensor, wb as tf.Tensor)));
    expect((await gap.data())[0]).toBeGreaterThan(1e-4);
    gap.dispose();
    result.alone.dispose();
    result.distilled.dispose();
  } finally {
    tf.dispose([train.x, train.y, test.x, test.y, padded.x, padded.y]);
    teacher.model.dispose();
  }
});
