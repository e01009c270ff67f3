import { type Layer, Sequential } from '@baihua/core';
import { reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import { Bidirectional, CoupledLSTM, GRU, LSTM, PeepholeLSTM, SimpleRNN } from '@baihua/rnn';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrt, ortMaxDiff, parityTable, printParityTable } from './test/ort-parity.js';

const ort = await loadOrt();
const uniform = { name: 'randomUniform', minval: -0.6, maxval: 0.6 };
const common = { units: 5, seed: 3, kernelInitializer: uniform, recurrentInitializer: uniform };

async function parity(kind: string, layer: Layer, time = 7, tolerance = 1e-5): Promise<void> {
  const model = new Sequential({ layers: [layer] });
  const x = tf.randomNormal([3, time, 4], 0, 1, 'float32', 5);
  model.apply(x).dispose();
  const diff = await ortMaxDiff(ort as never, model, [x]);
  parityTable.set(kind, diff);
  x.dispose();
  expect(diff).toBeLessThanOrEqual(tolerance);
}

/** A built PeepholeLSTM whose peephole weights are not zero (the layer starts them at zero). */
function peepholeWithWeights(): Layer {
  const layer = new PeepholeLSTM({ ...common, returnSequences: true });
  layer.apply(tf.zeros([1, 2, 4])).dispose();
  const cell = layer.cell as unknown as { weightVariables(): Record<string, tf.Variable> };
  const peepholes = cell.weightVariables().peepholeWeights as tf.Variable;
  peepholes.assign(tf.randomUniform(peepholes.shape, -0.8, 0.8, 'float32', 9));
  return layer;
}

if (typeof ort === 'string') reportUnavailable('onnxruntime-node', ort, requiredOnCi('BAIHUA_REQUIRE_ONNXRUNTIME'));
else
  describe('exportOnnx: recurrent layers in onnxruntime', () => {
    afterAll(printParityTable);

    it.each([
      ['LSTM last step', () => new LSTM({ ...common, forgetBias: 0.5 })],
      ['LSTM sequences, reverse', () => new LSTM({ ...common, returnSequences: true, reverse: true })],
      ['LSTM hardSigmoid', () => new LSTM({ ...common, recurrentActivation: 'hardSigmoid', returnSequences: true })],
      ['GRU resetAfter (linear_before_reset 1)', () => new GRU({ ...common, returnSequences: true, updateBias: 0.3 })],
      ['GRU resetAfter false', () => new GRU({ ...common, resetAfter: false })],
      ['GRU hardSigmoid, reverse', () => new GRU({ ...common, recurrentActivation: 'hardSigmoid', reverse: true })],
      ['SimpleRNN tanh', () => new SimpleRNN({ ...common, returnSequences: true })],
      ['SimpleRNN relu', () => new SimpleRNN({ ...common, activation: 'relu' })],
      ['PeepholeLSTM (diagonal, P input)', () => peepholeWithWeights()],
      ['CoupledLSTM (input_forget 1)', () => new CoupledLSTM({ ...common, returnSequences: true })],
      ['Bidirectional LSTM concat', () => new Bidirectional({ layer: new LSTM({ ...common, returnSequences: true }) })],
      ['Bidirectional GRU sum, last step', () => new Bidirectional({ layer: new GRU(common), merge: 'sum' })],
      [
        'Bidirectional SimpleRNN average',
        () => new Bidirectional({ layer: new SimpleRNN({ ...common, returnSequences: true }), merge: 'average' }),
      ],
      ['Bidirectional LSTM multiply', () => new Bidirectional({ layer: new LSTM(common), merge: 'multiply' })],
    ])('%s', async (kind, make) => {
      await parity(kind, make());
    });

    it('LSTM over 200 steps', async () => {
      await parity('LSTM 200 steps', new LSTM({ ...common, returnSequences: true }), 200, 1e-4);
    });
  });
