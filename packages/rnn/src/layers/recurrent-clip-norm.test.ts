// fit's clipNorm on recurrent models (the README recommends clipNorm: 1), on every backend: with the
// limit above the gradient's global norm the step is exactly the unclipped one (a clip that scaled
// every gradient up to the limit would fail here); below it the whole step is scaled to the limit.
import * as tf from '@tensorflow/tfjs-core';
import { Dense, Sequential, Sgd, fit, type Layer } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { GRU } from './gru.js';
import { LSTM } from './lstm.js';

const models: Record<string, () => Layer> = {
  LSTM: () =>
    new Sequential({ seed: 6, layers: [new LSTM({ units: 4, returnSequences: true }), new Dense({ units: 2 })] }),
  GRU: () => new Sequential({ seed: 6, layers: [new GRU({ units: 4 }), new Dense({ units: 2 })] }),
};

const mse = (labels: tf.Tensor, predictions: tf.Tensor) => tf.losses.meanSquaredError(labels, predictions) as tf.Scalar;

/** How far each weight moved in one SGD step (lr 1) of fit, with `clipNorm` when given. */
async function stepOf(make: () => Layer, clipNorm?: number): Promise<number[][]> {
  const model = make();
  const x = tf.tensor3d(
    Array.from({ length: 2 * 5 * 3 }, (_, i) => Math.sin(0.9 * i)),
    [2, 5, 3],
  );
  const probe = model.apply(x);
  const y = tf.tidy(() => tf.add(tf.onesLike(probe), 2));
  probe.dispose();
  const before = await Promise.all(model.weights().map(async (w) => Array.from(await w.read().data())));
  const optimizer = new Sgd({ learningRate: 1 });
  try {
    const options = { loss: mse, optimizer, batchSize: 2, shuffle: false, progress: 'none' } as const;
    await fit(model, { x, y }, clipNorm === undefined ? options : { ...options, clipNorm });
    const after = await Promise.all(model.weights().map(async (w) => Array.from(await w.read().data())));
    return after.map((row, i) => row.map((v, k) => ((before[i] as number[])[k] as number) - v));
  } finally {
    tf.dispose([x, y]);
    model.dispose();
    optimizer.dispose();
  }
}

const normOf = (step: number[][]) => Math.sqrt(step.flat().reduce((sum, v) => sum + v * v, 0));

describeEachBackend('clipNorm on recurrent models', () => {
  for (const [type, make] of Object.entries(models)) {
    test(`${type}: above the gradient norm, exactly the unclipped step; below it, scaled to clipNorm`, async () => {
      const plain = await stepOf(make);
      const rawNorm = normOf(plain);
      expect(rawNorm).toBeGreaterThan(1e-3);
      expect(await stepOf(make, rawNorm * 2)).toEqual(plain);
      const clipped = await stepOf(make, rawNorm / 3);
      expect(normOf(clipped)).toBeCloseTo(rawNorm / 3, 4);
      clipped.forEach((row, i) =>
        row.forEach((v, k) => expect(v).toBeCloseTo(((plain[i] as number[])[k] as number) / 3, 4)),
      );
    });
  }
});
