import * as tf from '@tensorflow/tfjs-core';
import {
  attributionHeatmapPng,
  deletionCurve,
  gradientTimesInput,
  insertionCurve,
  integratedGradients,
  kernelShap,
  lime,
  occlusion,
  randomAttribution,
  saliency,
  smoothGrad,
  type Classifier,
} from '@baihua/apps/explain';

/** The sizes of one run; the defaults are the README's full run. */
export interface ExplanationSettings {
  /** Riemann steps of integrated gradients. Default 64. */
  igSteps: number;
  /** Noisy copies per digit for SmoothGrad. Default 16. */
  smoothGradSamples: number;
  /** Side of the square patches LIME, KernelSHAP and occlusion use. Default 4 (64 patches on 32x32). */
  patchSize: number;
  /** Random masks per digit for LIME. Default 1000. */
  limeSamples: number;
  /** Coalitions per digit for KernelSHAP. Default 1000. */
  shapSamples: number;
  /** Points of the deletion and insertion curves. Default 32. */
  curveSteps: number;
  /** Digits drawn in the heat-map picture. Default 6. */
  pictureDigits: number;
  /** Seed of SmoothGrad's noise, LIME's masks, SHAP's coalitions and the random order. Default 2026. */
  seed: number;
}

export const defaultSettings: ExplanationSettings = {
  igSteps: 64,
  smoothGradSamples: 16,
  patchSize: 4,
  limeSamples: 1000,
  shapSamples: 1000,
  curveSteps: 32,
  pictureDigits: 6,
  seed: 2026,
};

/** The methods in the order of the picture's columns and the report. */
export const methodNames = [
  'saliency',
  'gradient x input',
  'SmoothGrad',
  'integrated gradients',
  'occlusion',
  'LIME',
  'SHAP',
  'random',
] as const;
export type MethodName = (typeof methodNames)[number];

/** What {@link runExplanations} returns. */
export interface ExplanationReport {
  /** Integrated gradients' sum |sum IG - (f(x) - f(0))| / sum |f(x) - f(0)| over the digits (logits). */
  completenessError: number;
  deletionAuc: Record<MethodName, number>;
  insertionAuc: Record<MethodName, number>;
  /** Mean deletion curve per method, at `fractions`. */
  deletionCurves: Record<MethodName, number[]>;
  fractions: number[];
  /** Seconds each method took to explain all digits. */
  seconds: Record<MethodName, number>;
  /** The heat maps of the first `pictureDigits` digits (columns: digit, then each method but random). */
  heatmapPng: Uint8Array;
}

/**
 * Explains the predicted class of each image with every method of @baihua/apps/explain and
 * measures each one's faithfulness with deletion and insertion curves (class probability, pixels
 * set to 0) against a random order. images [N, 32, 32, 1] in [0, 1]. `log` receives a line per method.
 */
export async function runExplanations(
  classifier: Classifier,
  images: tf.Tensor,
  settings: ExplanationSettings = defaultSettings,
  log: (line: string) => void = () => {},
): Promise<ExplanationReport> {
  const { seed, patchSize } = settings;
  const maps = new Map<MethodName, tf.Tensor>();
  const seconds = {} as Record<MethodName, number>;
  let completenessError = Number.NaN;
  const timed = async (name: MethodName, make: () => Promise<tf.Tensor>) => {
    const start = performance.now();
    maps.set(name, await make());
    seconds[name] = (performance.now() - start) / 1000;
    log(`${name}: ${seconds[name].toFixed(1)} s`);
  };
  try {
    await timed('saliency', () => saliency(classifier, images));
    await timed('gradient x input', () => gradientTimesInput(classifier, images));
    await timed('SmoothGrad', () => smoothGrad(classifier, images, { samples: settings.smoothGradSamples, seed }));
    await timed('integrated gradients', async () => {
      const result = await integratedGradients(classifier, images, { steps: settings.igSteps });
      completenessError = result.relativeCompletenessError;
      return result.attributions;
    });
    await timed('occlusion', () => occlusion(classifier, images, { patchSize, stride: patchSize / 2 }));
    await timed('LIME', async () => {
      const options = { patchSize, samples: settings.limeSamples, seed };
      return (await lime(classifier, images, options)).attributions;
    });
    await timed('SHAP', async () => {
      const options = { patchSize, samples: settings.shapSamples, seed };
      return (await kernelShap(classifier, images, options)).attributions;
    });
    await timed('random', async () => randomAttribution(images, { seed }));
    const deletionAuc = {} as Record<MethodName, number>;
    const insertionAuc = {} as Record<MethodName, number>;
    const deletionCurves = {} as Record<MethodName, number[]>;
    let fractions: number[] = [];
    for (const name of methodNames) {
      const map = maps.get(name) as tf.Tensor;
      const deleted = await deletionCurve(classifier, images, map, { steps: settings.curveSteps });
      const inserted = await insertionCurve(classifier, images, map, { steps: settings.curveSteps });
      deletionAuc[name] = deleted.meanAuc;
      insertionAuc[name] = inserted.meanAuc;
      deletionCurves[name] = deleted.fractions.map((_, k) => mean(deleted.curves.map((curve) => curve[k] as number)));
      fractions = deleted.fractions;
    }
    const count = Math.min(settings.pictureDigits, images.shape[0] as number);
    const first = (t: tf.Tensor) => tf.slice(t, [0, 0, 0, 0], [count, -1, -1, -1]);
    const shown = [
      images,
      ...methodNames.filter((name) => name !== 'random').map((name) => maps.get(name) as tf.Tensor),
    ].map(first);
    const heatmapPng = await attributionHeatmapPng(shown[0] as tf.Tensor, shown.slice(1), { scale: 3 }).finally(() =>
      tf.dispose(shown),
    );
    return { completenessError, deletionAuc, insertionAuc, deletionCurves, fractions, seconds, heatmapPng };
  } finally {
    tf.dispose([...maps.values()]);
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The two lines the issue asks for, from a report. */
export function reportLines(report: ExplanationReport): string[] {
  const auc = (name: MethodName) => report.deletionAuc[name].toFixed(2);
  return [
    `integrated gradients completeness error: ${(100 * report.completenessError).toFixed(2)}%`,
    `deletion AUC (lower is better): saliency ${auc('saliency')}, ` +
      `integrated gradients ${auc('integrated gradients')}, LIME ${auc('LIME')}, SHAP ${auc('SHAP')}, ` +
      `random ${auc('random')}`,
  ];
}
