import * as tf from '@tensorflow/tfjs-core';
import { Flatten, Model, Sequential, input, serializeModel, Embedding } from '@baihua/core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { GruCell } from '../cells/gru-cell.js';
import { LstmCell } from '../cells/lstm-cell.js';
import { GRU } from '../layers/gru.js';
import { LSTM } from '../layers/lstm.js';
import '../layers/register-recurrent-layers.js';
import { BidirectionalCells } from './bidirectional-cells.js';
import { runSequence } from './run-sequence.js';
import { StackedRnn } from './stacked-rnn.js';

const idRows = [
  [1, 2, 3, 4],
  [5, 6, 0, 0],
  [0, 0, 2, 0],
];
const exact = { rtol: 0, atol: 0 };

describeEachBackend('stacked recurrent layers in models, with masks', () => {
  test('a Sequential of recurrent layers (the stack that saves) equals runSequence on their cells', async () => {
    const ids = tf.tensor2d(idRows, undefined, 'int32');
    const embedding = new Embedding({ inputDim: 7, outputDim: 3, maskZero: true });
    const layers = [
      new LSTM({ units: 4, returnSequences: true }),
      new GRU({ units: 3, returnSequences: true, reverse: true }),
      new LSTM({ units: 2 }),
    ];
    const model = new Sequential({ seed: 8, layers: [embedding, ...layers] });
    const y = model.apply(ids);
    const x = embedding.apply(ids);
    // StackedRnn runs every layer in one direction; the GRU reads backwards, so the stack is split there.
    const first = runSequence(layers[0]?.cell as LstmCell, x, { mask: tf.notEqual(ids, 0) });
    const second = runSequence(layers[1]?.cell as GruCell, first.outputs, { mask: tf.notEqual(ids, 0), reverse: true });
    const third = runSequence(layers[2]?.cell as LstmCell, second.outputs, {
      mask: tf.notEqual(ids, 0),
      returnSequences: false,
    });
    await expectTensorsClose(y, third.outputs, exact);
    const stack = new StackedRnn([layers[0]?.cell as LstmCell, new LstmCell({ inputSize: 4, hiddenSize: 2, seed: 1 })]);
    const viaStack = runSequence(stack, x, { mask: tf.notEqual(ids, 0) });
    const viaLayers = runSequence(stack.layers[1] as LstmCell, first.outputs, { mask: tf.notEqual(ids, 0) });
    await expectTensorsClose(viaStack.outputs, viaLayers.outputs, exact);
    tf.dispose([ids, y, x, first as never, second as never, third as never, viaStack as never, viaLayers as never]);
    (stack.layers[1] as LstmCell).dispose();
    model.dispose();
  });

  test('StackedRnn and BidirectionalCells in a Sequential and a graph Model take the mask and pass it on', async () => {
    const ids = tf.tensor2d(idRows, undefined, 'int32');
    const embedding = new Embedding({ inputDim: 7, outputDim: 3, maskZero: true, seed: 2 });
    const stack = new StackedRnn([
      new BidirectionalCells({
        forward: new GruCell({ inputSize: 3, hiddenSize: 2, seed: 3 }),
        backward: new GruCell({ inputSize: 3, hiddenSize: 2, seed: 4 }),
      }),
      new LstmCell({ inputSize: 4, hiddenSize: 3, seed: 5 }),
    ]);
    const model = new Sequential({ layers: [embedding, stack] });
    const { outputs, masks } = model.applyWithMask(ids);
    const x = embedding.apply(ids);
    const expected = runSequence(stack, x, { mask: tf.notEqual(ids, 0) });
    const unmasked = runSequence(stack, x);
    await expectTensorsClose(outputs[0] as tf.Tensor, expected.outputs, exact);
    expect(await tf.max(tf.abs(tf.sub(outputs[0] as tf.Tensor, unmasked.outputs))).data()).not.toEqual(
      new Float32Array([0]),
    );
    expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0]);
    const tokens = input({ shape: [4], dtype: 'int32' });
    const graph = new Model({ inputs: tokens, outputs: stack.apply(embedding.apply(tokens)) });
    const z = graph.apply(ids);
    await expectTensorsClose(z, expected.outputs, exact);
    const refused = new Sequential({ layers: [embedding, stack, new Flatten()] });
    expect(() => refused.apply(ids)).toThrow(/Flatten.apply: .*does not support masking/);
    tf.dispose([ids, ...outputs, ...(masks as tf.Tensor[]), x, expected as never, unmasked as never, z]);
    model.dispose();
  });

  test('a model holding cells is not saved: a clear error, nothing leaked', async () => {
    const stack = new StackedRnn([new LstmCell({ inputSize: 2, hiddenSize: 2 })]);
    const both = new BidirectionalCells({
      forward: new LstmCell({ inputSize: 2, hiddenSize: 2 }),
      backward: new LstmCell({ inputSize: 2, hiddenSize: 2, seed: 1 }),
    });
    const x = tf.ones([1, 3, 2]);
    for (const [layer, name] of [
      [stack, 'StackedRnn'],
      [both, 'BidirectionalCells'],
    ] as const) {
      const model = new Sequential({ layers: [layer] });
      tf.dispose(model.apply(x));
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i++)
        await expect(serializeModel(model)).rejects.toThrow(
          new RegExp(`^${name}.getConfig: layer '${layer.name}' runs cells, which have no saved form`),
        );
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
    }
    x.dispose();
  });
});
