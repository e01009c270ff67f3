// Core's training diagnostics on recurrent models: a SimpleRNN (whose cell holds its activation as
// a function) trains with the recorder watching, and the recurrent kernel, held by the cell that
// shares the layer's name, can be snapshotted for a heat map.
import * as tf from '@tensorflow/tfjs-core';
import { Dense, Sequential, fit, trainingDiagnostics } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { SimpleRNN } from '../index.js';

describeEachBackend('training diagnostics on recurrent layers', () => {
  test('a SimpleRNN trains under the recorder; its recurrent kernel is snapshotted', async () => {
    const rnn = new SimpleRNN({ units: 3, name: 'elman', seed: 1 });
    const model = new Sequential({ layers: [rnn, new Dense({ units: 1, seed: 2 })] });
    const warnings: string[] = [];
    const diagnostics = trainingDiagnostics({
      every: 2,
      snapshot: { layer: 'elman', weight: 'recurrentKernel', epochs: [0, 1] },
      onWarning: (message) => void warnings.push(message),
    });
    const x = tf.randomNormal([8, 4, 2], 0, 1, 'float32', 3);
    const y = tf.randomNormal([8, 1], 0, 1, 'float32', 4);
    const mse = (labels: tf.Tensor, predictions: tf.Tensor) =>
      tf.losses.meanSquaredError(labels, predictions) as tf.Scalar;
    await fit(model, { x, y }, { loss: mse, epochs: 2, batchSize: 4, callbacks: diagnostics, progress: 'none' });
    expect(warnings).toEqual([]);
    const record = diagnostics.record();
    expect(record.snapshots.map((s) => [s.layer, s.weight, s.epoch, s.shape])).toEqual([
      ['elman', 'recurrentKernel', 0, [3, 3]],
      ['elman', 'recurrentKernel', 1, [3, 3]],
    ]);
    expect(record.snapshots[1]?.values).toEqual(Array.from(await rnn.cell.weight('recurrentKernel').read().data()));
    expect(record.intervals.length).toBe(2);
    tf.dispose([x, y]);
    model.dispose();
  });
});
