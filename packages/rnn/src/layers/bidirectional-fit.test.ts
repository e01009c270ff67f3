import * as tf from '@tensorflow/tfjs-core';
import { Adam, Dense, Embedding, Sequential, fit } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { Bidirectional } from './bidirectional.js';
import { LSTM } from './lstm.js';
import './register-recurrent-layers.js';

const meanSquared = (labels: tf.Tensor, predictions: tf.Tensor) =>
  tf.mean(tf.square(tf.sub(labels, predictions))) as tf.Scalar;

describeEachBackend(
  'Bidirectional(LSTM) trained by fit behind a masking Embedding',
  () => {
    test('the loss falls, both directions learn, and the padding row of the table never moves', async () => {
      const ids = tf.tensor2d(
        [
          [1, 2, 3, 4],
          [5, 6, 0, 0],
          [2, 0, 0, 0],
          [6, 5, 4, 0],
        ],
        undefined,
        'int32',
      );
      const y = tf.tensor2d([[1], [-1], [0.5], [-0.5]]);
      const embedding = new Embedding({ inputDim: 7, outputDim: 3, maskZero: true });
      const bi = new Bidirectional({ layer: new LSTM({ units: 4 }) });
      const model = new Sequential({ seed: 3, layers: [embedding, bi, new Dense({ units: 1 })] });
      tf.dispose(model.apply(ids));
      const before = model.getWeights();
      const history = await fit(
        model,
        { x: ids, y },
        { loss: meanSquared, optimizer: new Adam({ learningRate: 0.05 }), epochs: 5, batchSize: 4, progress: 'none' },
      );
      const losses = history.metrics.loss as number[];
      expect(losses.at(-1) as number).toBeLessThan((losses[0] as number) * 0.9);
      const after = model.getWeights();
      const paths = model.weights().map((w) => w.path);
      const diffs = before.map((w, k) => tf.tidy(() => tf.max(tf.abs(tf.sub(after[k] as tf.Tensor, w)))));
      const moved = await Promise.all(diffs.map(async (d) => (await d.data())[0] as number));
      for (const direction of ['forward', 'backward'])
        expect(moved[paths.indexOf(`${bi.name}/${direction}/kernel`)]).toBeGreaterThan(0);
      // Id 0 appears only at padded steps: the mask keeps every gradient away from its row.
      const row0 = (t: tf.Tensor) => tf.slice(t, [0, 0], [1, 3]);
      const table = paths.indexOf(`${embedding.name}/embeddings`);
      const [r0, r1] = [row0(before[table] as tf.Tensor), row0(after[table] as tf.Tensor)];
      expect(Array.from(await r1.data())).toEqual(Array.from(await r0.data()));
      tf.dispose([ids, y, before, after, diffs, r0, r1]);
      model.dispose();
    });
  },
  // fit is backend-independent code; the layer's values and gradients are checked on webgpu elsewhere.
  { backends: ['cpu', 'wasm'] },
);
