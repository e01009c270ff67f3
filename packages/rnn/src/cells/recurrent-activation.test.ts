// tfjs-layers calls chained tensor methods (`t.flatten()` in its default orthogonal initialiser),
// which tfjs-core's Node bundle leaves unregistered; the tfjs umbrella package registers them so.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops.js';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { fromKeras } from '../import/from-keras.js';
import { runSequence } from '../sequence/run-sequence.js';
import { CoupledLstmCell } from './coupled-lstm-cell.js';
import { ElmanCell } from './elman-cell.js';
import { GruCell } from './gru-cell.js';
import { LstmCell } from './lstm-cell.js';
import { PeepholeLstmCell } from './peephole-lstm-cell.js';

/** max |a - b| over the whole tensor. */
async function maxDifference(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const difference = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))));
  const [value] = await difference.data();
  difference.dispose();
  return value as number;
}

// Within 1e-4 relative / 1e-5 absolute (float32 of two orders of the same sums); the outputs
// with sigmoid gates instead differ by more than 1e-2 (measured 0.031 LSTM, 0.080 GRU with the seeded
// weights below, the same on every backend), so the test can fail.
const tolerance = { rtol: 1e-4, atol: 1e-5 };

describeEachBackend('recurrentActivation against stock tfjs-layers (hardSigmoid by default)', () => {
  const stockCases = [
    {
      title: 'LSTM',
      make: () => tfl.layers.lstm({ units: 4, returnSequences: true, inputShape: [6, 3] }),
      kind: 'lstm' as const,
    },
    {
      // tfjs-layers' GRU has reset_after false and cannot have it true.
      title: 'GRU',
      make: () => tfl.layers.gru({ units: 4, returnSequences: true, inputShape: [6, 3] }),
      kind: 'gru' as const,
    },
  ];
  for (const { title, make, kind } of stockCases) {
    test(`${title}, default options: imported weights match it with 'hardSigmoid', not with 'sigmoid'`, async () => {
      const layer = make();
      const x = tf.randomNormal([2, 6, 3], 0, 1, 'float32', 11);
      layer.apply(x); // builds the layer; its own initialisers are unseeded, so the weights are set here
      const seeded = layer.getWeights().map((w, i) => tf.randomUniform(w.shape, -0.8, 0.8, 'float32', 100 + i));
      layer.setWeights(seeded);
      tf.dispose(seeded);
      const expected = layer.apply(x) as tf.Tensor;
      const weights = layer.getWeights();
      const options = { kind, ...(kind === 'gru' ? { resetAfter: false } : {}) };
      const hard = fromKeras(weights, { ...options, recurrentActivation: 'hardSigmoid' });
      const soft = fromKeras(weights, options);
      expect((hard as LstmCell | GruCell).recurrentActivation).toBe('hardSigmoid');
      expect((soft as LstmCell | GruCell).recurrentActivation).toBe('sigmoid');
      const hardRun = runSequence(hard, x);
      const softRun = runSequence(soft, x);
      try {
        await expectTensorsClose(hardRun.outputs, expected, tolerance);
        expect(await maxDifference(softRun.outputs, expected)).toBeGreaterThan(1e-2);
      } finally {
        tf.dispose([hardRun as never, softRun as never, expected, x]); // getWeights() gives tfjs-layers' own variables
        hard.dispose();
        soft.dispose();
        layer.dispose();
      }
    });
  }

  test("every gated cell takes 'hardSigmoid' (clip(0.2 a + 0.5, 0, 1)); the Elman cell refuses the key", async () => {
    const x = tf.randomNormal([2, 4, 3], 0, 2, 'float32', 3);
    const makers = [
      (recurrentActivation?: 'hardSigmoid') => new LstmCell({ inputSize: 3, hiddenSize: 5, recurrentActivation }),
      (recurrentActivation?: 'hardSigmoid') =>
        new PeepholeLstmCell({ inputSize: 3, hiddenSize: 5, recurrentActivation }),
      (recurrentActivation?: 'hardSigmoid') =>
        new CoupledLstmCell({ inputSize: 3, hiddenSize: 5, recurrentActivation }),
      (recurrentActivation?: 'hardSigmoid') => new GruCell({ inputSize: 3, hiddenSize: 5, recurrentActivation }),
    ];
    for (const make of makers) {
      const soft = make();
      const hard = make('hardSigmoid');
      expect(soft.recurrentActivation).toBe('sigmoid');
      // Same seed, same weights: only the gate function differs.
      const a = runSequence(soft, x);
      const b = runSequence(hard, x);
      try {
        expect(await maxDifference(a.outputs, b.outputs)).toBeGreaterThan(1e-3);
      } finally {
        tf.dispose([a as never, b as never]);
        soft.dispose();
        hard.dispose();
      }
    }
    x.dispose();
    expect(() => new ElmanCell({ inputSize: 3, hiddenSize: 4, recurrentActivation: 'sigmoid' } as never)).toThrow(
      /^ElmanCell: unknown key 'recurrentActivation' in options \(.*known: activation, .*\)$/,
    );
    expect(() => new LstmCell({ inputSize: 3, hiddenSize: 4, recurrentActivation: 'relu' as never })).toThrow(
      /^LstmCell: expected recurrentActivation to be one of 'sigmoid', 'hardSigmoid', got "relu"$/,
    );
    await expectNoLeakedTensors(() => {
      for (let k = 0; k < 100; k++) {
        expect(() => new GruCell({ inputSize: 3, hiddenSize: 4, recurrentActivation: 'tanh' as never })).toThrow(
          /recurrentActivation/,
        );
      }
      return [];
    });
  });
});
