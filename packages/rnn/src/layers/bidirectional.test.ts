import * as tf from '@tensorflow/tfjs-core';
import { Dense, Flatten, Model, Sequential, input, layerFromConfig, Embedding } from '@baihua/core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { BidirectionalCells } from '../sequence/bidirectional-cells.js';
import { runSequence } from '../sequence/run-sequence.js';
import { Bidirectional } from './bidirectional.js';
import { GRU } from './gru.js';
import { LSTM } from './lstm.js';
import './register-recurrent-layers.js';
import { SimpleRNN } from './simple-rnn.js';

const mask = () =>
  tf.tensor2d([
    [true, true, true, true, true],
    [true, true, true, false, false],
    [true, false, false, false, false],
  ]);
const exact = { rtol: 0, atol: 0 };

describeEachBackend('Bidirectional({ layer, merge }) as a layer', () => {
  test('equals BidirectionalCells of its two cells with the mask: every merge, returnSequences or not', async () => {
    const x = tf.randomNormal([3, 5, 2], 0, 1, 'float32', 7);
    const m = mask();
    for (const merge of ['concat', 'sum', 'average', 'multiply'] as const) {
      for (const returnSequences of [true, false]) {
        const layer = new Bidirectional({ layer: new LSTM({ units: 3, returnSequences, seed: 4 }), merge });
        const y = layer.apply(x, { mask: m });
        const cells = new BidirectionalCells({
          forward: layer.forwardLayer.cell,
          backward: layer.backwardLayer.cell,
          merge,
        });
        const expected = runSequence(cells, x, { mask: m, returnSequences });
        await expectTensorsClose(y, expected.outputs, exact);
        expect(y.shape).toEqual([3, ...(returnSequences ? [5] : []), merge === 'concat' ? 6 : 3]);
        tf.dispose([y, expected as never]);
        layer.dispose();
      }
    }
    tf.dispose([x, m]);
  });

  test('the backward copy: reverse flipped, its own weights and seed, named after the wrapper', async () => {
    const forward = new GRU({ units: 2, returnSequences: true, resetAfter: false, seed: 11 });
    const layer = new Bidirectional({ layer: forward, name: 'bi' });
    const x = tf.randomNormal([2, 4, 3], 0, 1, 'float32', 1);
    const y = layer.apply(x);
    expect(layer.forwardLayer).toBe(forward);
    expect(layer.backwardLayer).toBeInstanceOf(GRU);
    expect([forward.reverse, layer.backwardLayer.reverse]).toEqual([false, true]);
    expect((layer.backwardLayer as GRU).resetAfter).toBe(false);
    expect(layer.weights().map((w) => w.path)).toEqual([
      'bi/forward/kernel',
      'bi/forward/recurrentKernel',
      'bi/forward/bias',
      'bi/backward/kernel',
      'bi/backward/recurrentKernel',
      'bi/backward/bias',
    ]);
    expect(layer.countParams()).toBe(2 * forward.countParams());
    const [fk, bk] = [forward.cell.weight('kernel').read(), layer.backwardLayer.cell.weight('kernel').read()];
    expect(Array.from(await fk.data())).not.toEqual(Array.from(await bk.data()));
    // A seeded layer gives the same weights every time.
    const again = new Bidirectional({
      layer: new GRU({ units: 2, returnSequences: true, resetAfter: false, seed: 11 }),
    });
    const z = again.apply(x);
    await expectTensorsClose(z, y, exact);
    // A frozen wrapper freezes both directions.
    const frozen = new Bidirectional({ layer: new SimpleRNN({ units: 2 }), trainable: false });
    tf.dispose(frozen.apply(x));
    expect(frozen.weights().length).toBe(6);
    expect(frozen.trainableWeights()).toEqual([]);
    tf.dispose([x, y, z]);
    for (const l of [layer, again, frozen]) l.dispose();
  });

  test('in a Sequential and in a graph Model: masks flow from the embedding; output mask as the layer', async () => {
    const ids = tf.tensor2d(
      [
        [1, 2, 3, 0],
        [4, 0, 0, 0],
      ],
      undefined,
      'int32',
    );
    const embedding = new Embedding({ inputDim: 5, outputDim: 3, maskZero: true, seed: 1 });
    const bi = new Bidirectional({ layer: new LSTM({ units: 2, returnSequences: true, seed: 2 }), merge: 'sum' });
    const sequential = new Sequential({ layers: [embedding, bi] });
    const y = sequential.apply(ids);
    const tokens = input({ shape: [4], dtype: 'int32', name: 'tokens' });
    const graph = new Model({ inputs: tokens, outputs: bi.apply(embedding.apply(tokens)) });
    const z = graph.apply(ids);
    const x = embedding.apply(ids);
    const expected = bi.apply(x, { mask: tf.notEqual(ids, 0) });
    await expectTensorsClose(y, expected, exact);
    await expectTensorsClose(z, expected, exact);
    const { outputs, masks } = sequential.applyWithMask(ids);
    expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual([1, 1, 1, 0, 1, 0, 0, 0]);
    const refused = new Sequential({
      layers: [
        new Embedding({ inputDim: 5, outputDim: 3, maskZero: true }),
        new Bidirectional({ layer: new LSTM({ units: 2, returnSequences: true }) }),
        new Flatten(),
      ],
    });
    expect(() => refused.apply(ids)).toThrow(/Flatten.apply: .*does not support masking/);
    const last = new Sequential({
      layers: [
        new Embedding({ inputDim: 5, outputDim: 3, maskZero: true }),
        new Bidirectional({ layer: new LSTM({ units: 2 }) }),
        new Dense({ units: 1 }),
      ],
    });
    const ends = last.applyWithMask(ids);
    expect(ends.outputs[0]?.shape).toEqual([2, 1]);
    expect(ends.masks).toEqual([undefined]);
    tf.dispose([ids, y, z, x, expected, ...outputs, ...masks, ...ends.outputs]);
    for (const l of [sequential, refused, last]) l.dispose();
  });

  test('getConfig nests the wrapped layer; layerFromConfig rebuilds an equal layer', () => {
    const layer = new Bidirectional({
      layer: new LSTM({ units: 3, returnSequences: true, forgetBias: 2 }),
      merge: 'multiply',
      name: 'encoder',
      seed: 9,
    });
    const config = layer.getConfig();
    expect(config).toMatchObject({
      type: 'Bidirectional',
      name: 'encoder',
      seed: 9,
      merge: 'multiply',
      layer: { type: 'LSTM', name: 'encoder/forward', units: 3, returnSequences: true, reverse: false, forgetBias: 2 },
    });
    const rebuilt = layerFromConfig(config);
    expect(rebuilt.getConfig()).toEqual(config);
    expect(() => layerFromConfig({ type: 'Bidirectional', merge: 'sum' })).toThrow(
      /^Bidirectional: expected config.layer to be a layer config, got undefined/,
    );
    expect(() => layerFromConfig({ type: 'Bidirectional', layer: { type: 'Dense', units: 2 } })).toThrow(
      /^Bidirectional: expected layer to be a recurrent layer .*got a Dense/,
    );
    expect(() => layerFromConfig({ ...config, merge: 'max' })).toThrow(/^Bidirectional: expected merge to be one of/);
    layer.dispose();
    rebuilt.dispose();
  });
});
