import * as tf from '@tensorflow/tfjs-core';
import { Dense, Layer, Sequential } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { LSTM } from '../layers/lstm.js';
import { runSequence } from '../sequence/run-sequence.js';
import { GruCell } from './gru-cell.js';
import { LstmCell } from './lstm-cell.js';

describeEachBackend('cells own their weights as core Layers (one mechanism with Dense)', () => {
  test('countParams, weights, getWeights and setWeights work as for Dense; apply runs the sequence', async () => {
    const cell = new LstmCell({ inputSize: 3, hiddenSize: 2, seed: 4 });
    const dense = new Dense({ units: 8 });
    dense.apply(tf.tidy(() => tf.zeros([1, 3]))).dispose();
    expect(cell).toBeInstanceOf(Layer);
    expect(cell.name).toMatch(/^lstm_cell_\d+$/);
    expect(cell.weights().map((w) => w.path)).toEqual(
      ['kernel', 'recurrentKernel', 'bias'].map((n) => `${cell.name}/${n}`),
    );
    expect(cell.countParams()).toBe(8 * (3 + 2 + 1));
    expect(cell.countParams() - 8 * 2).toBe(dense.countParams()); // the same kernel and bias, plus U
    const x = tf.randomNormal([2, 4, 3], 0, 1, 'float32', 1);
    const before = cell.apply(x);
    const run = runSequence(cell, x);
    const copies = cell.getWeights();
    try {
      await expectTensorsClose(before, run.outputs, { rtol: 0, atol: 0 });
      expect(copies[0]).not.toBe(cell.weight('kernel').read());
      cell.setWeights(copies.map((w) => tf.mul(w, 0)));
      await expectTensorsClose(cell.apply(x), tf.zeros([2, 4, 2]), { rtol: 0, atol: 0 });
      cell.setWeights(copies);
      await expectTensorsClose(cell.apply(x), before, { rtol: 0, atol: 0 });
      expect(() => cell.setWeights(copies.slice(1))).toThrow(/LstmCell.setWeights: expected 3 tensors/);
    } finally {
      tf.dispose([x, before, run as never, copies]);
      cell.dispose();
      dense.dispose();
    }
  });

  test('a layer keeps its weights in its cell (its child): one count, one set of paths, get/setWeights', async () => {
    const layer = new LSTM({ units: 2, returnSequences: true, seed: 1 });
    const x = tf.randomNormal([2, 4, 3], 0, 1, 'float32', 2);
    const y = layer.apply(x);
    expect(layer.children()).toEqual([layer.cell]);
    expect(layer.cell.name).toBe(layer.name);
    expect(layer.countParams()).toBe(layer.cell.countParams());
    expect(layer.weights().map((w) => w.path)).toEqual(layer.cell.weights().map((w) => w.path));
    const values = layer.getWeights();
    const other = new LSTM({ units: 2, returnSequences: true, seed: 2 });
    other.apply(x).dispose();
    other.setWeights(values);
    const z = other.apply(x);
    try {
      await expectTensorsClose(z, y, { rtol: 0, atol: 0 });
    } finally {
      tf.dispose([x, y, z, values]);
      layer.dispose();
      other.dispose();
    }
  });

  test('trainable: false freezes the weights for fit; a cell fits into a Sequential; nothing leaks', async () => {
    const frozen = new GruCell({ inputSize: 3, hiddenSize: 2, trainable: false });
    expect(frozen.trainableWeights()).toHaveLength(0);
    expect(frozen.nonTrainableWeights()).toHaveLength(4);
    frozen.dispose();
    const x = tf.ones([2, 4, 3]);
    await expectNoLeakedTensors(() => {
      const model = new Sequential({ layers: [new GruCell({ inputSize: 3, hiddenSize: 2 }), new Dense({ units: 1 })] });
      const y = model.apply(x);
      expect(y.shape).toEqual([2, 4, 1]);
      expect(model.countParams()).toBe(6 * (3 + 2 + 2) + 3);
      model.dispose();
      return [y];
    });
    x.dispose();
  });
});
