import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '@baihua/core';
import { type AttackResult, fgsm, onePixelAttack, pgd } from '@baihua/apps/adversarial';

/** What the example runs; the defaults are the printed run's. */
export interface AttackSettings {
  epsilon: number;
  pgdIterations: number;
  /** Digits the one-pixel attack runs on (the first ones): 400 x 100 forwards per digit. */
  onePixelDigits: number;
  pixelCounts: number[];
  populationSize: number;
  generations: number;
  seed: number;
}

export const defaultAttackSettings: AttackSettings = {
  epsilon: 0.1,
  pgdIterations: 20,
  onePixelDigits: 10,
  pixelCounts: [1, 3, 5],
  populationSize: 400,
  generations: 100,
  seed: 2026,
};

/** Per-attack figures and, for the picture, the adversarial digits of the first `keep` rows. */
export interface AttackedModel {
  cleanAccuracy: number;
  digits: number;
  fgsm: Summary;
  pgd: Summary;
  onePixel: (Summary & { pixels: number })[];
}

/** An attack's figures and the first rows it produced (flat values) with their predictions. */
export interface Summary {
  successRate: number;
  robustAccuracy: number;
  attacked: number;
  digits: number;
  seconds: number;
  kept: Float32Array[];
  predictions: number[];
}

async function summarize(result: AttackResult, keep: number, started: number): Promise<Summary> {
  const rows = result.labels.length;
  const size = result.adversarial.size / rows;
  const values = (await result.adversarial.data()) as Float32Array;
  result.adversarial.dispose();
  const shown = Math.min(keep, rows);
  return {
    successRate: result.successRate,
    robustAccuracy: result.robustAccuracy,
    attacked: result.attacked,
    digits: rows,
    seconds: (performance.now() - started) / 1000,
    kept: Array.from({ length: shown }, (_, i) => values.slice(i * size, (i + 1) * size)),
    predictions: result.predictions,
  };
}

/**
 * FGSM and PGD (eps, untargeted) on every digit of x [N, 32, 32, 1], the one-pixel attack with
 * each pixel count on the first `onePixelDigits`; `log` hears progress.
 */
export async function attackModel(
  model: Layer,
  x: tf.Tensor,
  labels: number[],
  settings: AttackSettings,
  keep: number,
  log: (line: string) => void = () => {},
): Promise<AttackedModel> {
  const { epsilon, seed } = settings;
  let started = performance.now();
  const fast = await summarize(await fgsm(model, x, labels, { epsilon }), keep, started);
  started = performance.now();
  const iterations = settings.pgdIterations;
  const many = await summarize(await pgd(model, x, labels, { epsilon, iterations, seed }), keep, started);
  log(`FGSM ${fast.seconds.toFixed(1)} s, PGD (${iterations} steps) ${many.seconds.toFixed(1)} s`);
  const count = Math.min(settings.onePixelDigits, labels.length);
  const subset = tf.slice(x, 0, count);
  const onePixel: AttackedModel['onePixel'] = [];
  try {
    for (const pixels of settings.pixelCounts) {
      started = performance.now();
      const options = { pixels, populationSize: settings.populationSize, iterations: settings.generations, seed };
      const result = await onePixelAttack(model, subset, labels.slice(0, count), { ...options, imagesPerBatch: 5 });
      onePixel.push({ ...(await summarize(result, keep, started)), pixels });
      log(`one-pixel (${pixels} px) on ${count} digits: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    subset.dispose();
  }
  const cleanAccuracy = fast.attacked / labels.length;
  return { cleanAccuracy, digits: labels.length, fgsm: fast, pgd: many, onePixel };
}

const percent = (value: number) => (Number.isNaN(value) ? 'n/a' : `${(100 * value).toFixed(2)}%`);

/** The printed rows of one model, in the format. */
export function reportLines(report: AttackedModel, epsilon: number): string[] {
  return [
    `clean accuracy: ${percent(report.cleanAccuracy)}`,
    `FGSM eps=${epsilon} success: ${percent(report.fgsm.successRate)}`,
    `PGD eps=${epsilon} success: ${percent(report.pgd.successRate)}`,
    ...report.onePixel.map(
      (row) =>
        `one-pixel (${row.pixels} px) success: ${percent(row.successRate)} ` +
        `(on the first ${row.digits} digits, ${row.attacked} of them classified right and attacked)`,
    ),
    `PGD eps=${epsilon} robust accuracy: ${percent(report.pgd.robustAccuracy)} ` +
      `(FGSM: ${percent(report.fgsm.robustAccuracy)})`,
  ];
}
