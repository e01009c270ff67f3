import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Sequential } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { fit } from '../training/fit.js';
import { trainingDiagnostics } from './training-diagnostics.js';

const crossEntropy: LossFunction = (labels: tf.Tensor, logits: tf.Tensor) =>
  tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
crossEntropy.accuracyKind = 'categorical';

/** 16 rows of 3 features, 3 classes (one-hot), fixed values. */
function data() {
  const x = tf.tidy(() => tf.sin(tf.reshape(tf.range(0, 48), [16, 3])));
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 0, 0, 1, 2, 0, 0, 1, 2, 0, 0, 0, 1, 2], 'int32'), 3));
  return { x, y };
}

function model() {
  return new Sequential({
    seed: 3,
    layers: [new Dense({ name: 'hidden', units: 5, activation: 'relu' }), new Dense({ name: 'out', units: 3 })],
  });
}

describeEachBackend('trainingDiagnostics', () => {
  test('records per interval: one read each, figures as numbers, no tensor left', async () => {
    const { x, y } = data();
    const net = model();
    try {
      const diagnostics = trainingDiagnostics({ every: 2, snapshot: { layer: 'hidden', epochs: [0, 2] } });
      const before = tf.memory().numTensors;
      const counts: number[] = [];
      await fit(
        net,
        { x, y },
        {
          loss: crossEntropy,
          optimizer: new Sgd({ learningRate: 0.1 }),
          epochs: 3,
          batchSize: 4,
          shuffle: false,
          stopOnNonFinite: false,
          progress: 'none',
          callbacks: [diagnostics, { onEpochEnd: () => void counts.push(tf.memory().numTensors) }],
        },
      );
      expect(tf.memory().numTensors - before).toBe(net.weights().length);
      const record = diagnostics.record();
      expect(record.intervals.map((i) => [i.epoch, i.step, i.steps])).toEqual([
        [0, 1, 2],
        [0, 3, 2],
        [1, 5, 2],
        [1, 7, 2],
        [2, 9, 2],
        [2, 11, 2],
      ]);
      expect(record.layers).toEqual(['hidden', 'out']);
      expect(record.epochs.map((e) => e.epoch)).toEqual([0, 1, 2]);
      expect(record.snapshots.map((s) => [s.epoch, s.shape])).toEqual([
        [0, [3, 5]],
        [2, [3, 5]],
      ]);
      expect(counts[2]).toBe(counts[0]);
      expect(JSON.parse(JSON.stringify(record))).toEqual(record);
    } finally {
      tf.dispose([x, y]);
      net.dispose();
    }
  });
});
