import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { runSequence } from '../sequence/run-sequence.js';
import { fromKeras } from './from-keras.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

type Spec = { shape: number[]; data: number[] };

describeEachBackend('fromKeras', () => {
  // recurrentInitializer: tfjs-layers' default 'orthogonal' calls the chained `t.flatten()`, which
  // tfjs-core's Node bundle leaves unregistered ("rMat.flatten is not a function").
  test("LSTM: matches tfjs-layers' tf.layers.lstm (the Keras layout, gates i, f, c, o)", async () => {
    const layer = tfl.layers.lstm({
      units: 4,
      returnSequences: true,
      recurrentActivation: 'sigmoid',
      recurrentInitializer: 'glorotNormal',
      biasInitializer: 'randomNormal',
      inputShape: [5, 3],
    });
    const x = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 1);
    const expected = layer.apply(x) as tf.Tensor;
    const weights = layer.getWeights();
    const cell = fromKeras(weights, { kind: 'lstm' });
    const result = runSequence(cell, x);
    await expectTensorsClose(result.outputs, expected);
    tf.dispose([result as never, expected, x]);
    cell.dispose();
    layer.dispose();
  });

  test("GRU with reset_after false: matches tfjs-layers' tf.layers.gru (gates z, r, h)", async () => {
    const layer = tfl.layers.gru({
      units: 3,
      returnSequences: true,
      recurrentActivation: 'sigmoid',
      recurrentInitializer: 'glorotNormal',
      biasInitializer: 'randomNormal',
      inputShape: [4, 2],
    });
    const x = tf.randomNormal([2, 4, 2], 0, 1, 'float32', 2);
    const expected = layer.apply(x) as tf.Tensor;
    const cell = fromKeras(layer.getWeights(), { kind: 'gru', resetAfter: false });
    const result = runSequence(cell, x);
    await expectTensorsClose(result.outputs, expected);
    tf.dispose([result as never, expected, x]);
    cell.dispose();
    layer.dispose();
  });

  test("SimpleRNN: matches tfjs-layers' tf.layers.simpleRNN", async () => {
    const layer = tfl.layers.simpleRNN({
      units: 3,
      returnSequences: true,
      recurrentInitializer: 'glorotNormal',
      biasInitializer: 'randomNormal',
      inputShape: [4, 2],
    });
    const x = tf.randomNormal([2, 4, 2], 0, 1, 'float32', 3);
    const expected = layer.apply(x) as tf.Tensor;
    const cell = fromKeras(layer.getWeights(), { kind: 'simple' });
    const result = runSequence(cell, x);
    await expectTensorsClose(result.outputs, expected);
    tf.dispose([result as never, expected, x]);
    cell.dispose();
    layer.dispose();
  });

  test('GRU with reset_after true (bias [2, 3H]): the PyTorch fixture, rewritten in the Keras layout', async () => {
    const fixture = loadTorchFixture('recurrent', 'gru_resetAfter');
    const p = fixture.get('params') as Record<string, Spec>;
    const h = 4;
    // PyTorch rows [r, z, n] of [3H, in] -> Keras columns [z, r, h] of [in, 3H].
    const toKeras = (spec: Spec) => {
      const rows = tf.tensor(spec.data, spec.shape);
      const [r, z, n] = tf.split(rows, 3, 0) as [tf.Tensor, tf.Tensor, tf.Tensor];
      const reordered = tf.concat([z, r, n], 0);
      return spec.shape.length === 2 ? tf.transpose(reordered) : reordered;
    };
    const kernel = toKeras(p.weight_ih_l0 as Spec);
    const recurrentKernel = toKeras(p.weight_hh_l0 as Spec);
    const bias = tf.stack([toKeras(p.bias_ih_l0 as Spec), toKeras(p.bias_hh_l0 as Spec)]);
    expect(bias.shape).toEqual([2, 3 * h]);
    const cell = fromKeras({ kernel, recurrentKernel, bias }, { kind: 'gru' });
    const x = fixture.tensor('x');
    const h0 = fixture.tensor('h0') as tf.Tensor2D;
    const result = runSequence(cell, x, { initialState: { hidden: h0 } });
    await expectTensorsClose(result.outputs, fixture.spec('y'));
    await expectTensorsClose(result.finalState.hidden, fixture.spec('hN'));
    cell.dispose();
    tf.dispose([result as never, x, h0, kernel, recurrentKernel, bias]);
  });

  test('incompatible weights name the weight, expected and received; no leaks', async () => {
    const kernel = tf.zeros([3, 16]);
    const recurrentKernel = tf.zeros([4, 16]);
    const bias = tf.zeros([16]);
    expect(() => fromKeras([kernel, recurrentKernel, bias], { kind: 'gru' })).toThrow(
      /fromKeras: expected recurrent_kernel of shape \[4,12\] \(gru: 3 gate\(s\) x hidden 4\), got shape \[4,16\]/,
    );
    expect(() => fromKeras([kernel, recurrentKernel, tf.zeros([12])], { kind: 'lstm' })).toThrow(
      /fromKeras: expected bias of shape \[16\] \(lstm: 4 gate\(s\) x hidden 4\), got shape \[12\]/,
    );
    expect(() => fromKeras([tf.zeros([3, 12]), recurrentKernel], { kind: 'lstm' })).toThrow(
      /fromKeras: expected kernel of shape \[3,16\].*got shape \[3,12\]/,
    );
    expect(() =>
      fromKeras(
        { kernel: tf.zeros([3, 12]), recurrentKernel: tf.zeros([4, 12]), bias: tf.zeros([12]) },
        { kind: 'gru' },
      ),
    ).toThrow(/fromKeras: expected bias of shape \[2,12\]/);
    expect(() => fromKeras([kernel], { kind: 'lstm' })).toThrow(
      /fromKeras: expected recurrent_kernel to be a tf.Tensor, got undefined/,
    );
    expect(() => fromKeras([kernel, recurrentKernel], { kind: 'lstmx' as never })).toThrow(
      /fromKeras: expected kind to be one of 'simple', 'lstm', 'gru'/,
    );
    await expectNoLeakedTensors(() => {
      const k = tf.ones([3, 12]);
      const u = tf.ones([4, 12]);
      const b = tf.ones([2, 12]);
      const cell = fromKeras({ kernel: k, recurrentKernel: u, bias: b }, { kind: 'gru' });
      const x = tf.ones([1, 2, 3]);
      const out = runSequence(cell, x);
      cell.dispose();
      return [k, u, b, x, out];
    });
    tf.dispose([kernel, recurrentKernel, bias]);
  });
});
