// The charts drawn from a record the recorder made during a real fit (not a hand-made one), so the
// two sides of the DiagnosticsRecord contract are checked against each other.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { decodePng } from '../../../test/png-decoder.js';
import { Dense, Sequential } from '../../layers/index.js';
import { Sgd } from '../../optimizers/index.js';
import type { LossFunction } from '../../registry/loss-contract.js';
import { describeEachBackend } from '../../testing.js';
import { fit } from '../../training/fit.js';
import { trainingDiagnostics } from '../training-diagnostics.js';
import {
  classHistogramChart,
  deadUnitChart,
  gradientFlowChart,
  gradientFlowChartPng,
  gradientNormChart,
  weightHeatmapStripPng,
} from './index.js';

const crossEntropy: LossFunction = (labels: tf.Tensor, logits: tf.Tensor) =>
  tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;

describeEachBackend('diagnostics charts from a recorded fit', () => {
  test('every chart draws the figures the recorder measured: one line per interval, one bar per class', async () => {
    const x = tf.tidy(() => tf.mul(tf.sin(tf.reshape(tf.range(0, 48), [16, 3])), 2));
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 0, 0, 1, 2, 0, 0, 1, 2, 0, 0, 0, 1, 2], 'int32'), 3));
    const net = new Sequential({
      seed: 5,
      layers: [new Dense({ name: 'hidden', units: 4, activation: 'relu' }), new Dense({ name: 'out', units: 3 })],
    });
    const diagnostics = trainingDiagnostics({ every: 2, snapshot: { layer: 'hidden', epochs: [0, 1] } });
    try {
      await fit(
        net,
        { x, y },
        {
          loss: crossEntropy,
          optimizer: new Sgd({ learningRate: 0.1 }),
          epochs: 2,
          batchSize: 4,
          shuffle: false,
          progress: 'none',
          callbacks: [diagnostics],
        },
      );
      const record = diagnostics.record();
      expect(record.layers).toEqual(['hidden', 'out']);
      expect(record.intervals).toHaveLength(4); // 8 steps, every 2
      expect((gradientFlowChart(record).match(/<path/g) ?? []).length).toBe(4);
      expect(gradientFlowChart(record)).toContain('>hidden</text>');
      expect((gradientNormChart(record).match(/<path/g) ?? []).length).toBe(2);
      expect(deadUnitChart(record)).toContain('>hidden</text>');
      expect((classHistogramChart(record).match(/<rect class="bar"/g) ?? []).length).toBeGreaterThanOrEqual(3);
      const heat = decodePng(weightHeatmapStripPng(record, { layer: 'hidden' }));
      expect(heat.width).toBe(640);
      expect(decodePng(gradientFlowChartPng(record)).height).toBe(400);
    } finally {
      diagnostics.dispose();
      tf.dispose([x, y]);
      net.dispose();
    }
  });
});
