import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { runSequence } from '../sequence/run-sequence.js';
import type { SequenceModel } from '../sequence/sequence-types.js';
import type { GruCell } from '../cells/gru-cell.js';
import type { BidirectionalCells } from '../sequence/bidirectional-cells.js';
import { StackedRnn } from '../sequence/stacked-rnn.js';
import { fromTorch } from './from-torch.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

type Spec = { shape: number[]; data: number[] };
/** PyTorch's parameter names and the cell weights that hold their copies. */
const torchWeightNames: Record<string, string> = {
  weight_ih: 'kernel',
  weight_hh: 'recurrentKernel',
  bias_ih: 'bias',
  bias_hh: 'recurrentBias',
};
const cases = [
  { name: 'elman_tanh', kind: 'rnn' },
  { name: 'lstm', kind: 'lstm' },
  { name: 'gru_resetAfter', kind: 'gru' },
] as const;

function loadParameters(name: string, key = 'params'): Record<string, tf.Tensor> {
  const specs = loadTorchFixture('recurrent', name).get(key) as Record<string, Spec>;
  return Object.fromEntries(Object.entries(specs).map(([k, v]) => [k, tf.tensor(v.data, v.shape)]));
}

describeEachBackend('fromTorch against PyTorch nn.RNN / nn.LSTM / nn.GRU', () => {
  for (const { name, kind } of cases) {
    test(`${name}: outputs, final state and gradients for x, initial state and every parameter`, async () => {
      const fixture = loadTorchFixture('recurrent', name);
      const parameters = loadParameters(name);
      const names = Object.keys(parameters);
      const model = fromTorch(parameters, { kind });
      const lstm = kind === 'lstm';
      const x = fixture.tensor('x');
      const h0 = fixture.tensor('h0');
      const c0 = lstm ? fixture.tensor('c0') : undefined;
      const dy = fixture.tensor('dy');
      const stateOf = (hidden: tf.Tensor, cell?: tf.Tensor) => (cell ? { hidden, cell } : { hidden });
      const result = runSequence(model as SequenceModel, x, { initialState: stateOf(h0, c0) as never });
      await expectTensorsClose(result.outputs, fixture.spec('y'));
      const finalState = result.finalState as { hidden: tf.Tensor; cell?: tf.Tensor };
      await expectTensorsClose(finalState.hidden, fixture.spec('hN'));
      if (lstm) await expectTensorsClose(finalState.cell as tf.Tensor, fixture.spec('cN'));
      // The cell holds copies of the parameters as its own weights: differentiate those.
      const cellWeight = (torchName: string) =>
        (model as GruCell).weight(torchWeightNames[torchName.replace(/_l0$/, '')] as string).read();
      const inputs = [x, h0, ...(c0 ? [c0] : []), ...names.map(cellWeight)];
      const loss = (...ts: tf.Tensor[]) => {
        const [xs, hs, maybeCell] = ts as [tf.Tensor, tf.Tensor, tf.Tensor];
        const run = runSequence(model as SequenceModel, xs, {
          initialState: stateOf(hs, lstm ? maybeCell : undefined) as never,
        });
        return tf.sum(tf.mul(run.outputs, dy));
      };
      const gradients = tf.grads(loss)(inputs);
      await expectTensorsClose(gradients[0] as tf.Tensor, fixture.spec('dx'));
      await expectTensorsClose(gradients[1] as tf.Tensor, fixture.spec('dh0'));
      if (lstm) await expectTensorsClose(gradients[2] as tf.Tensor, fixture.spec('dc0'));
      const expectedParameterGradients = fixture.get('dparams') as Record<string, Spec>;
      const offset = lstm ? 3 : 2;
      for (const [k, parameterName] of names.entries()) {
        const expected = expectedParameterGradients[parameterName] as Spec;
        await expectTensorsClose(gradients[offset + k] as tf.Tensor, expected).catch((error: Error) => {
          throw new Error(`${parameterName}: ${error.message}`);
        });
      }
      tf.dispose([result.outputs, result.finalState as never, gradients, x, h0, c0 as tf.Tensor, dy]);
      tf.dispose(Object.values(parameters));
      model.dispose();
    });
  }

  test('bidirectional_lstm_concat: outputs aligned to input time and dx', async () => {
    const fixture = loadTorchFixture('recurrent', 'bidirectional_lstm_concat');
    const parameters = loadParameters('bidirectional_lstm_concat');
    const model = fromTorch(parameters, { kind: 'lstm' });
    const x = fixture.tensor('x');
    const dy = fixture.tensor('dy');
    const result = runSequence(model, x);
    await expectTensorsClose(result.outputs, fixture.spec('y'));
    const [dx] = tf.grads((xs: tf.Tensor) => tf.sum(tf.mul(runSequence(model, xs).outputs, dy)))([x]);
    await expectTensorsClose(dx as tf.Tensor, fixture.spec('dx'));
    tf.dispose([result.outputs, result.finalState as never, dx as tf.Tensor, x, dy, Object.values(parameters)]);
    model.dispose();
  });

  test('two bidirectional GRU layers (_l1, _reverse) give a StackedRnn of BidirectionalCells', async () => {
    const h = 2;
    const shapes: Record<string, number[]> = {};
    for (const layer of [0, 1]) {
      for (const suffix of ['', '_reverse']) {
        shapes[`weight_ih_l${layer}${suffix}`] = [3 * h, layer === 0 ? 3 : 2 * h];
        shapes[`weight_hh_l${layer}${suffix}`] = [3 * h, h];
        shapes[`bias_ih_l${layer}${suffix}`] = [3 * h];
        shapes[`bias_hh_l${layer}${suffix}`] = [3 * h];
      }
    }
    const parameters = Object.fromEntries(
      Object.entries(shapes).map(([name, shape], k) => [name, tf.randomNormal(shape, 0, 0.5, 'float32', k)]),
    );
    const model = fromTorch(parameters, { kind: 'gru' }) as StackedRnn;
    expect(model).toBeInstanceOf(StackedRnn);
    expect(model.layers.map((l) => (l as BidirectionalCells<never, never>).outputSize)).toEqual([4, 4]);
    const first = model.layers[0] as BidirectionalCells<GruCell, GruCell>;
    // Copies, in PyTorch's layout: the cell owns them, the given tensors stay the caller's.
    const copied = first.backward.weight('kernel').read();
    expect(copied).not.toBe(parameters.weight_ih_l0_reverse);
    await expectTensorsClose(copied, parameters.weight_ih_l0_reverse as tf.Tensor, { rtol: 0, atol: 0 });
    expect(model.countParams()).toBe(Object.values(parameters).reduce((n, t) => n + t.size, 0));
    const x = tf.randomNormal([2, 3, 3], 0, 1, 'float32', 9);
    const result = runSequence(model, x);
    const one = runSequence(first, x);
    const two = runSequence(model.layers[1] as SequenceModel, one.outputs);
    await expectTensorsClose(result.outputs, two.outputs, { rtol: 0, atol: 0 });
    expect(result.outputs.shape).toEqual([2, 3, 4]);
    tf.dispose([result as never, one as never, two as never, x, Object.values(parameters)]);
    model.dispose();
  });

  test('leaves no tensors behind', async () => {
    const parameters = loadParameters('lstm');
    const x = tf.ones([2, 5, 3]);
    await expectNoLeakedTensors(() => {
      const model = fromTorch(parameters, { kind: 'lstm' });
      const run = runSequence(model, x);
      const gradients = tf.grads((xs: tf.Tensor) => tf.sum(runSequence(model, xs).outputs))([x]);
      model.dispose();
      return [run, gradients];
    });
    tf.dispose([x, Object.values(parameters)]);
  });
});

describeEachBackend(
  'fromTorch bad input',
  () => {
    test('names the tensor with the wrong shape, expected and received', () => {
      const parameters = loadParameters('lstm');
      const bad = { ...parameters, weight_hh_l0: tf.zeros([12, 4]) };
      expect(() => fromTorch(bad, { kind: 'lstm' })).toThrow(
        /fromTorch: expected weight_hh_l0 of shape \[16,4\] \(lstm: 4 gate\(s\) x hidden 4\), got shape \[12,4\]/,
      );
      expect(() => fromTorch(parameters, { kind: 'gru' })).toThrow(
        /fromTorch: expected weight_ih_l0 of shape \[12,3\] \(gru: 3 gate\(s\) x hidden 4\), got shape \[16,3\]/,
      );
      const noBias = { ...parameters };
      delete noBias.bias_hh_l0;
      expect(() => fromTorch(noBias, { kind: 'lstm' })).toThrow(
        /fromTorch: expected bias_hh_l0 of shape \[16\], got none/,
      );
      expect(() => fromTorch({ ...parameters, weight_hr_l0: tf.zeros([2, 4]) }, { kind: 'lstm' })).toThrow(
        /unexpected parameter 'weight_hr_l0'/,
      );
      expect(() => fromTorch(parameters, { kind: 'transformer' as never })).toThrow(
        /fromTorch: expected kind to be one of 'rnn', 'lstm', 'gru', got "transformer"/,
      );
      expect(() => fromTorch(parameters, { kind: 'lstm', nonlinearity: 'relu' })).toThrow(
        /nonlinearity only with kind 'rnn'/,
      );
      const layerOne = {
        ...parameters,
        weight_ih_l1: tf.zeros([16, 3]),
        weight_hh_l1: tf.zeros([16, 4]),
        bias_ih_l1: tf.zeros([16]),
        bias_hh_l1: tf.zeros([16]),
      };
      expect(() => fromTorch(parameters, { kind: 'lstm', nonlinearty: 'tanh' } as never)).toThrow(
        /^fromTorch: unknown key 'nonlinearty' in options \(did you mean 'nonlinearity'\? known: kind, nonlinearity\)$/,
      );
      // Every name and shape is checked before any cell copies a weight: a failing call leaves nothing.
      const before = tf.memory().numTensors;
      for (let k = 0; k < 100; k++) expect(() => fromTorch(layerOne, { kind: 'lstm' })).toThrow(/weight_ih_l1/);
      expect(() => fromTorch(layerOne, { kind: 'lstm' })).toThrow(
        /expected weight_ih_l1 of shape \[16,4\].*got shape \[16,3\]/,
      );
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([Object.values(layerOne), bad.weight_hh_l0]);
    });
  },
  { backends: ['cpu'] }, // shape checks run before any tensor op: one backend is enough
);
