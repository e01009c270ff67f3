// Test helpers shared by the diagnostics chart tests (not part of the package's exports): hand-made records.
import { createHash } from 'node:crypto';
import type { DiagnosticsRecord, IntervalFigures } from '../src/diagnostics/diagnostics-record.js';

export const testLayers = ['dense_1', 'dense_2', 'dense_3'];

/** Interval k of `count`: gradients that shrink toward the input (vanishing), dense_2 dying over time. */
function interval(k: number, count: number): IntervalFigures {
  const scale = 10 ** (k / count);
  return {
    epoch: Math.floor(k / 4),
    step: 10 * (k + 1),
    steps: 10,
    loss: 2 / (k + 1),
    gradientNorm: 0.5 * scale,
    maxGradientNorm: 2 * scale,
    layerGradientNorms: { dense_1: 1e-4 * scale, dense_2: 1e-2 * scale, dense_3: 1 * scale },
    layerWeightNorms: { dense_1: 3, dense_2: 2, dense_3: 1 },
    layerUpdateRatios: { dense_1: 1e-3, dense_2: 1e-3, dense_3: 1e-3 },
    deadUnitFractions: { dense_1: 0.05, dense_2: Math.min(1, k / 6) },
    nonFiniteSteps: 0,
    predictedClasses: [80, 15, 5],
    labelClasses: [40, 35, 25],
  };
}

/** A record of 3 layers, `count` intervals (default 12), and snapshots of dense_1's 3 x 4 kernel at epochs 0, 1, 2. */
export function testRecord(count = 12): DiagnosticsRecord {
  const kernel = (epoch: number) => [-1, -0.5, 0, 0.5, 1, 0, 0, 0, 0.25, -0.25, 0, (epoch + 1) / 3];
  return {
    model: 'mlp',
    layers: [...testLayers],
    every: 10,
    intervals: Array.from({ length: count }, (_, k) => interval(k, count)),
    epochs: [0, 1, 2].map((epoch) => ({ epoch, loss: 1 / (epoch + 1) })),
    snapshots: [0, 1, 2].map((epoch) => ({
      layer: 'dense_1',
      weight: 'kernel',
      epoch,
      shape: [3, 4] as [number, number],
      values: kernel(epoch),
    })),
  };
}

/** sha256 of the bytes or text, hex. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** How many times `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
