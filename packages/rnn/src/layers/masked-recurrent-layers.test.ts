import * as tf from '@tensorflow/tfjs-core';
import { Dense, Flatten, Sequential, Embedding } from '@baihua/core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { runSequence } from '../sequence/run-sequence.js';
import { CoupledLSTM } from './coupled-lstm.js';
import { GRU } from './gru.js';
import { LSTM } from './lstm.js';
import { PeepholeLSTM } from './peephole-lstm.js';
import type { RecurrentLayer, RecurrentLayerOptions } from './recurrent-layer.js';
import './register-recurrent-layers.js';
import { SimpleRNN } from './simple-rnn.js';

// Right-padded token ids (lengths 5, 3, 1; 0 = padding) and one row padded on the left (length 2).
const idRows = [
  [3, 1, 4, 1, 5],
  [2, 6, 5, 0, 0],
  [4, 0, 0, 0, 0],
  [0, 0, 0, 2, 3],
];
const makers: [string, (options: RecurrentLayerOptions) => RecurrentLayer][] = [
  ['SimpleRNN', (o) => new SimpleRNN(o)],
  ['LSTM', (o) => new LSTM(o)],
  ['GRU', (o) => new GRU(o)],
  ['PeepholeLSTM', (o) => new PeepholeLSTM(o)],
  ['CoupledLSTM', (o) => new CoupledLSTM(o)],
];

describeEachBackend('masks into every recurrent layer (Keras semantics)', () => {
  test('in a Sequential behind an embedding with maskZero: equals runSequence with the mask', async () => {
    const ids = tf.tensor2d(idRows, undefined, 'int32');
    const mask = tf.notEqual(ids, 0);
    for (const [type, make] of makers) {
      for (const [returnSequences, reverse] of [
        [true, false],
        [true, true],
        [false, false],
        [false, true],
      ] as const) {
        const embedding = new Embedding({ inputDim: 7, outputDim: 3, maskZero: true });
        const layer = make({ units: 4, returnSequences, reverse });
        const model = new Sequential({ seed: 5, layers: [embedding, layer] });
        const y = model.apply(ids);
        const x = embedding.apply(ids);
        const expected = runSequence(layer.cell, x, { mask, returnSequences, reverse });
        const unmasked = runSequence(layer.cell, x, { returnSequences, reverse });
        const where = `${type} returnSequences ${returnSequences} reverse ${reverse}`;
        await expectTensorsClose(y, expected.outputs, { rtol: 0, atol: 0 }).catch((error: Error) => {
          throw new Error(`${where}: ${error.message}`);
        });
        // The mask changed the result (so it was not ignored).
        expect(await tf.max(tf.abs(tf.sub(y, unmasked.outputs))).data(), where).not.toEqual(new Float32Array([0]));
        tf.dispose([y, x, expected as never, unmasked as never]);
        model.dispose();
      }
    }
    tf.dispose([ids, mask]);
  });

  test('output mask: the input mask with returnSequences, none without; a Flatten behind it is refused', async () => {
    const x = tf.randomNormal([2, 4, 3], 0, 1, 'float32', 4);
    const mask = tf.tensor2d([
      [true, true, false, false],
      [true, true, true, true],
    ]);
    for (const [, make] of makers) {
      const sequences = make({ units: 2, returnSequences: true, seed: 1 });
      const last = make({ units: 2, seed: 1 });
      const a = sequences.applyWithMask(x, { mask });
      expect(Array.from(await (a.masks[0] as tf.Tensor).data())).toEqual([1, 1, 0, 0, 1, 1, 1, 1]);
      const b = last.applyWithMask(x, { mask });
      expect(b.masks).toEqual([undefined]);
      expect(sequences.applyWithMask(x).masks).toEqual([undefined]);
      tf.dispose([...a.outputs, ...a.masks, ...b.outputs, sequences.apply(x)]);
      sequences.dispose();
      last.dispose();
    }
    const ids = tf.tensor2d(idRows, undefined, 'int32');
    const refused = new Sequential({
      layers: [
        new Embedding({ inputDim: 7, outputDim: 3, maskZero: true }),
        new LSTM({ units: 2, returnSequences: true }),
        new Flatten(),
      ],
    });
    expect(() => refused.apply(ids)).toThrow(/Flatten.apply: layer 'flatten_\d+' does not support masking/);
    // Without returnSequences the mask stops at the LSTM: the Dense behind it sees none.
    const fine = new Sequential({
      layers: [
        new Embedding({ inputDim: 7, outputDim: 3, maskZero: true }),
        new LSTM({ units: 2 }),
        new Flatten(),
        new Dense({ units: 1 }),
      ],
    });
    const y = fine.apply(ids);
    expect(y.shape).toEqual([4, 1]);
    tf.dispose([x, mask, ids, y]);
    refused.dispose();
    fine.dispose();
  });

  test('gradients through a masked LSTM in a Sequential equal those of runSequence with the mask', async () => {
    const ids = tf.tensor2d(idRows, undefined, 'int32');
    const embedding = new Embedding({ inputDim: 7, outputDim: 3, maskZero: true, seed: 2 });
    const layer = new LSTM({ units: 3, returnSequences: true, reverse: true, seed: 3 });
    const model = new Sequential({ layers: [embedding, layer] });
    tf.dispose(model.apply(ids));
    const dy = tf.randomNormal([4, 5, 3], 0, 1, 'float32', 9);
    const variables = model.trainableWeights().map((w) => w.read());
    expect(variables.length).toBe(4); // embeddings, kernel, recurrentKernel, bias
    const viaModel = tf.grads(() => tf.sum(tf.mul(model.apply(ids), dy)))(variables);
    const viaRun = tf.grads(() =>
      tf.sum(
        tf.mul(runSequence(layer.cell, embedding.apply(ids), { mask: tf.notEqual(ids, 0), reverse: true }).outputs, dy),
      ),
    )(variables);
    for (const [k, g] of viaModel.entries()) await expectTensorsClose(g, viaRun[k] as tf.Tensor, { rtol: 0, atol: 0 });
    tf.dispose([ids, dy, viaModel, viaRun]);
    model.dispose();
  });

  test('a mask of the wrong shape is refused, naming the layer; nothing leaks, on the error path too', () => {
    const layer = new GRU({ units: 2, returnSequences: true });
    const x = tf.ones([2, 5, 3]);
    const wrong = tf.ones([2, 4], 'bool');
    tf.dispose(layer.apply(x));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++)
      expect(() => layer.apply(x, { mask: wrong })).toThrow(
        /^GRU.apply: expected mask of shape \[2,5\] \(x's batch and time\), got shape \[2,4\]/,
      );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, wrong]);
    layer.dispose();
  });
});
