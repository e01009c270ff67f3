// What trainingDiagnostics keeps besides the interval figures: the epoch logs as fit reported them,
// weight snapshots (the values at the end of the chosen epochs; rank 1 as one row), and the `layers`
// option (only the named layers are watched).
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Sequential } from '../layers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import type { TrainingCallbacks } from '../training/callbacks.js';
import { fit } from '../training/fit.js';
import { trainingDiagnostics } from './training-diagnostics.js';

const crossEntropy: LossFunction = (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
crossEntropy.accuracyKind = 'categorical';

function data() {
  const x = tf.tidy(() => tf.cos(tf.reshape(tf.range(0, 36), [12, 3])));
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1], 'int32'), 2));
  return { x, y };
}

const model = () =>
  new Sequential({
    seed: 9,
    layers: [new Dense({ name: 'hidden', units: 4, activation: 'relu' }), new Dense({ name: 'out', units: 2 })],
  });

describeEachBackend('trainingDiagnostics record', () => {
  test('epoch logs as fit reported them; snapshots hold the weight at the end of the chosen epochs', async () => {
    const net = model();
    const { x, y } = data();
    const kernels: number[][] = [];
    const reader: TrainingCallbacks = {
      async onEpochEnd() {
        kernels.push(Array.from(await net.children()[0]!.weight('kernel').read().data()));
      },
    };
    try {
      const kernel = trainingDiagnostics({ every: 3, snapshot: { layer: 'hidden', epochs: [0, 2, 7] } });
      const bias = trainingDiagnostics({ every: 3, snapshot: { layer: 'out', weight: 'bias', epochs: [1] } });
      const history = await fit(
        net,
        { x, y },
        {
          loss: crossEntropy,
          epochs: 3,
          batchSize: 4,
          validationSplit: 0.25,
          progress: 'none',
          callbacks: [kernel, bias, reader],
        },
      );
      const record = kernel.record();
      expect(record.epochs).toEqual(
        [0, 1, 2].map((epoch) => ({
          epoch,
          loss: history.get('loss')[epoch],
          valLoss: history.get('valLoss')[epoch],
          accuracy: history.get('accuracy')[epoch],
          valAccuracy: history.get('valAccuracy')[epoch],
        })),
      );
      expect(record.snapshots).toEqual([
        { layer: 'hidden', weight: 'kernel', epoch: 0, shape: [3, 4], values: kernels[0] },
        { layer: 'hidden', weight: 'kernel', epoch: 2, shape: [3, 4], values: kernels[2] },
      ]);
      expect(kernels[0]).not.toEqual(kernels[2]);
      expect(bias.record().snapshots.map((s) => [s.weight, s.epoch, s.shape])).toEqual([['bias', 1, [1, 2]]]);
      // Two recorders on one model both see the ReLU layer.
      const dead = (d: typeof kernel) => d.record().intervals.map((i) => i.deadUnitFractions);
      expect(dead(kernel)).toEqual(dead(bias));
      expect(Object.keys(dead(kernel)[0] ?? {})).toEqual(['hidden']);
      expect(net.children()[0]?.outputObserver).toBeUndefined();
      // 9 training rows, batches of 4: 3 steps per epoch, one interval each.
      expect(record.intervals.map((i) => i.steps)).toEqual([3, 3, 3]);
    } finally {
      tf.dispose([x, y]);
      net.dispose();
    }
  });

  test('layers: only the named layers are watched (gradients, weights, dead units)', async () => {
    const net = model();
    const { x, y } = data();
    try {
      const only = trainingDiagnostics({ every: 2, layers: ['out'] });
      const all = trainingDiagnostics({ every: 2 });
      await fit(
        net,
        { x, y },
        { loss: crossEntropy, epochs: 1, batchSize: 6, progress: 'none', callbacks: [only, all] },
      );
      const [first] = only.record().intervals;
      expect(only.record().layers).toEqual(['out']);
      expect(Object.keys(first?.layerGradientNorms ?? {})).toEqual(['out']);
      expect(first?.deadUnitFractions).toEqual({});
      expect(all.record().layers).toEqual(['hidden', 'out']);
      expect(Object.keys(all.record().intervals[0]?.deadUnitFractions ?? {})).toEqual(['hidden']);
      // The global norm is of every gradient, watched or not.
      expect(first?.gradientNorm).toBeCloseTo(all.record().intervals[0]?.gradientNorm as number, 5);
    } finally {
      tf.dispose([x, y]);
      net.dispose();
    }
  });
});
