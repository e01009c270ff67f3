import * as tf from '@tensorflow/tfjs-core';
import { Dense, type Layer, Model, Sequential, deserializeModel, input, serializeModel, Embedding } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { Bidirectional } from './bidirectional.js';
import { GRU } from './gru.js';
import { LSTM } from './lstm.js';
import './register-recurrent-layers.js';

// Models holding Bidirectional(LSTM) behind a mask-making embedding survive serializeModel /
// deserializeModel: the topology nests the wrapped layer's config, the weights keep their paths,
// and the loaded model computes bit-identical outputs with the same masks, on every backend.
const ids = () =>
  tf.tensor2d(
    [
      [1, 2, 3, 4, 5],
      [6, 2, 0, 0, 0],
      [3, 0, 0, 0, 0],
    ],
    undefined,
    'int32',
  );

async function expectRoundTrip(model: Layer, x: tf.Tensor): Promise<void> {
  const serialized = await serializeModel(model);
  const topology = JSON.stringify(serialized.topology);
  const loaded = await deserializeModel({ topology, weights: serialized.weights });
  try {
    expect(JSON.stringify((await serializeModel(loaded)).topology)).toBe(topology);
    expect(loaded.weights().map((w) => w.path)).toEqual(model.weights().map((w) => w.path));
    const before = model.applyMulti(x);
    const after = loaded.applyMulti(x);
    for (const [k, a] of after.entries())
      expect(Array.from(await a.data()), `output ${k}`).toEqual(Array.from(await (before[k] as tf.Tensor).data()));
    tf.dispose([...before, ...after]);
  } finally {
    loaded.dispose();
  }
}

describeEachBackend('Bidirectional in saved models, with masks', () => {
  test('a Sequential: embedding (maskZero), Bidirectional(LSTM), Bidirectional(GRU), Dense', async () => {
    const model = new Sequential({
      seed: 21,
      layers: [
        new Embedding({ inputDim: 7, outputDim: 3, maskZero: true }),
        new Bidirectional({ layer: new LSTM({ units: 4, returnSequences: true }), merge: 'average' }),
        new Bidirectional({ layer: new GRU({ units: 2, resetAfter: false }), merge: 'concat' }),
        new Dense({ units: 2 }),
      ],
    });
    const x = ids();
    try {
      tf.dispose(model.apply(x));
      const config = model.getConfig() as unknown as { layers: Record<string, unknown>[] };
      expect(config.layers[1]).toMatchObject({ type: 'Bidirectional', merge: 'average', layer: { type: 'LSTM' } });
      expect(config.layers[2]).toMatchObject({ layer: { type: 'GRU', resetAfter: false, returnSequences: false } });
      await expectRoundTrip(model, x);
      // The mask matters: the same layers fed the embedded ids without it give other values.
      const unmasked = new Sequential({ layers: model.layers.slice(1) as Layer[] });
      const h = (model.layers[0] as Layer).apply(x);
      const y = model.apply(x);
      const z = unmasked.apply(h);
      expect(await tf.max(tf.abs(tf.sub(y, z))).data()).not.toEqual(new Float32Array([0]));
      tf.dispose([h, y, z]);
    } finally {
      x.dispose();
      model.dispose();
    }
  });

  test('a graph Model with two outputs: the sequence (its mask) and the ends of both directions', async () => {
    const tokens = input({ shape: [5], dtype: 'int32', name: 'tokens' });
    const embedded = new Embedding({ inputDim: 7, outputDim: 3, maskZero: true, seed: 1 }).apply(tokens);
    const encoder = new Bidirectional({ layer: new LSTM({ units: 3, returnSequences: true, seed: 2 }) });
    const sequence = encoder.apply(embedded);
    expect(sequence.shape).toEqual([null, 5, 6]);
    const ends = new Bidirectional({ layer: new LSTM({ units: 2, seed: 3 }), merge: 'sum' }).apply(sequence);
    const model = new Model({ inputs: tokens, outputs: { sequence, ends } });
    const x = ids();
    try {
      const { outputs, masks } = model.applyWithMask(x);
      expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0]);
      expect(masks[1]).toBeUndefined();
      await expectRoundTrip(model, x);
      tf.dispose([...outputs, ...(masks as tf.Tensor[])]);
    } finally {
      x.dispose();
      model.dispose();
    }
  });
});
