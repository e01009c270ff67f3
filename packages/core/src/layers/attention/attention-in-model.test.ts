import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../../testing.js';
import { input } from '../../graph/input.js';
import { Model } from '../../graph/model.js';
import type { SymbolicTensor } from '../../graph/symbolic-tensor.js';
import { deserializeModel } from '../../serialization/deserialize-model.js';
import { serializeModel } from '../../serialization/serialize-model.js';
import { Dense } from '../dense.js';
import { AdditiveAttention } from './additive-attention.js';
import { Attention } from './attention.js';

describeEachBackend('Attention layers in a graph Model', () => {
  test('a decoder-encoder graph with [context, scores] outputs saves, loads and predicts the same', async () => {
    const decoder = input({ shape: [null, 4], name: 'decoder' });
    const encoder = input({ shape: [null, 4], name: 'encoder' });
    const keys = new Dense({ units: 4, seed: 1 }).apply(encoder);
    const [context, scores] = new AdditiveAttention({ returnScores: true, seed: 2 }).applyMulti([
      decoder,
      encoder,
      keys,
    ]) as [SymbolicTensor, SymbolicTensor];
    const mixed = new Attention({ useScale: true, seed: 3 }).apply([context, encoder]);
    const model = new Model({ inputs: [decoder, encoder], outputs: [mixed, scores] });
    const x = [tf.randomNormal([2, 3, 4], 0, 1, 'float32', 1), tf.randomNormal([2, 5, 4], 0, 1, 'float32', 2)];
    const expected = model.applyMulti(x);
    expect(expected.map((t) => t.shape)).toEqual([
      [2, 3, 4],
      [2, 3, 5],
    ]);
    const saved = await serializeModel(model);
    const loaded = await deserializeModel({ topology: JSON.stringify(saved.topology), weights: saved.weights });
    const actual = loaded.applyMulti(x);
    try {
      for (const [k, a] of actual.entries())
        await expectTensorsClose(a, expected[k] as tf.Tensor, { rtol: 0, atol: 0 });
      expect(loaded.weights().map((w) => w.shape)).toEqual(model.weights().map((w) => w.shape));
    } finally {
      tf.dispose([x, expected, actual]);
      model.dispose();
      loaded.dispose();
    }
  });

  test('a mask given to the model reaches the layer: the query mask comes out as the output mask', async () => {
    const query = input({ shape: [3, 2] });
    const value = input({ shape: [4, 2] });
    const model = new Model({ inputs: [query, value], outputs: new Attention().apply([query, value]) });
    const x = [tf.ones([1, 3, 2]), tf.ones([1, 4, 2])];
    const queryMask = tf.tensor2d([[1, 0, 1]], [1, 3], 'bool');
    const { outputs, masks } = model.applyWithMask(x, { mask: [queryMask, undefined] });
    try {
      expect(Array.from(await (outputs[0] as tf.Tensor).data())).toEqual([1, 1, 0, 0, 1, 1]);
      expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual([1, 0, 1]);
    } finally {
      tf.dispose([x, queryMask, outputs, masks as tf.Tensor[]]);
      model.dispose();
    }
  });
});
