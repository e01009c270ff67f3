import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { fit } from '../training/fit.js';
import { describeEachBackend } from '../testing.js';
import { Dense } from './dense.js';
import { Embedding } from './embedding.js';
import { Flatten } from './flatten.js';
import { Sequential } from './sequential.js';

// fit updates the embedding table through its scatter-add gradient on every backend (tf.gather's own
// gradient fails on wasm): the loss falls, rows of ids in the data move, the row of an unused id does not.
const squaredError = (labels: tf.Tensor, predictions: tf.Tensor) =>
  tf.mean(tf.squaredDifference(labels, predictions)) as tf.Scalar;

describeEachBackend('Embedding in fit', () => {
  test('trains: loss falls; only the rows of ids that occur change', async () => {
    const model = new Sequential({
      seed: 2,
      layers: [new Embedding({ inputDim: 6, outputDim: 3 }), new Flatten(), new Dense({ units: 1 })],
    });
    // Ids 1..4 only (5 never occurs); the target is 1 when the sequence starts with 3.
    const rows = [
      [3, 1, 2],
      [1, 2, 4],
      [3, 4, 4],
      [2, 1, 1],
      [3, 2, 1],
      [4, 4, 2],
    ];
    const x = tf.tensor2d(rows, [6, 3], 'int32');
    const y = tf.tensor2d(rows.map((r) => [r[0] === 3 ? 1 : 0]));
    try {
      model.apply(x).dispose();
      const table = model.layers[0]?.weight('embeddings').read() as tf.Variable;
      const start = (await table.array()) as number[][];
      const history = await fit(
        model,
        { x, y },
        {
          loss: squaredError,
          learningRate: () => 0.1,
          epochs: 20,
          batchSize: 3,
          progress: 'none',
        },
      );
      expect(history.last('loss')).toBeLessThan((history.get('loss')[0] as number) / 2);
      const end = (await table.array()) as number[][];
      const moved = end.map((row, id) => row.some((v, k) => v !== start[id]?.[k]));
      expect(moved).toEqual([false, true, true, true, true, false]);
    } finally {
      tf.dispose([x, y]);
      model.dispose();
    }
  });
});
