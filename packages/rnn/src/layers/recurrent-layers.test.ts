import * as tf from '@tensorflow/tfjs-core';
import { Dense, Sequential, Sgd, fit, layerFromConfig } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import type { LstmCell } from '../cells/lstm-cell.js';
import { runSequence } from '../sequence/run-sequence.js';
import { CoupledLSTM } from './coupled-lstm.js';
import { GRU } from './gru.js';
import { LSTM } from './lstm.js';
import { PeepholeLSTM } from './peephole-lstm.js';
import './register-recurrent-layers.js';
import { SimpleRNN } from './simple-rnn.js';

const meanSquared = (labels: tf.Tensor, predictions: tf.Tensor) =>
  tf.mean(tf.square(tf.sub(labels, predictions))) as tf.Scalar;

describeEachBackend('recurrent layers in core Sequential', () => {
  test('each layer builds its fused weights and counts parameters as its cell', () => {
    const x = tf.ones([2, 4, 3]);
    const cases = [
      [new SimpleRNN({ units: 5 }), 5 * (3 + 5 + 1)],
      [new LSTM({ units: 5 }), 20 * (3 + 5 + 1)],
      [new PeepholeLSTM({ units: 5 }), 20 * (3 + 5 + 1) + 15],
      [new PeepholeLSTM({ units: 5, peephole: 'full' }), 20 * (3 + 5 + 1) + 75],
      [new CoupledLSTM({ units: 5 }), 15 * (3 + 5 + 1)],
      [new GRU({ units: 5 }), 15 * (3 + 5 + 2)],
      [new GRU({ units: 5, resetAfter: false }), 15 * (3 + 5 + 1)],
    ] as const;
    for (const [layer, count] of cases) {
      const y = layer.apply(x);
      expect(y.shape).toEqual([2, 5]);
      expect(layer.countParams()).toBe(count);
      expect(layer.cell.countParams()).toBe(count);
      y.dispose();
      layer.dispose();
    }
    x.dispose();
  });

  test('LSTM layer output equals runSequence on its cell; returnSequences and reverse pass through', async () => {
    const layer = new LSTM({ units: 4, returnSequences: true, reverse: true, seed: 3 });
    const x = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 1);
    const y = layer.apply(x);
    const expected = runSequence(layer.cell as LstmCell, x, { reverse: true });
    await expectTensorsClose(y, expected.outputs, { rtol: 0, atol: 0 });
    const bias = layer.cell.weight('bias').read();
    await expectTensorsClose(tf.slice(bias, [4], [4]), [1, 1, 1, 1], { rtol: 0, atol: 0 }); // forget gate starts at 1
    tf.dispose([y, expected as never, x]);
    layer.dispose();
  });

  test('saves and rebuilds from config; rejects bad input; leaks nothing', async () => {
    const layer = new PeepholeLSTM({ units: 3, peephole: 'full', returnSequences: true, seed: 2 });
    const config = layer.getConfig();
    expect(config).toMatchObject({ type: 'PeepholeLSTM', units: 3, peephole: 'full', returnSequences: true });
    const rebuilt = layerFromConfig(config) as PeepholeLSTM;
    const x = tf.ones([1, 2, 4]);
    const a = layer.apply(x);
    const b = rebuilt.apply(x);
    await expectTensorsClose(a, b, { rtol: 0, atol: 0 });
    expect(() => layer.apply(tf.tidy(() => tf.ones([1, 2, 5])))).toThrow(
      /^PeepholeLSTM.apply: layer '.*' expected input of shape \[batch, time, 4\], got \[1,2,5\]/,
    );
    expect(() => new GRU({ units: 3 }).apply(tf.tidy(() => tf.ones([2, 3])))).toThrow(
      /^GRU: expected input of rank 3 \(\[batch, time, features\]\), got rank 2 \(shape \[2,3\]\)/,
    );
    expect(() => new LSTM({ units: 0 })).toThrow(/^LSTM: expected units to be a positive integer, got 0/);
    expect(() => new PeepholeLSTM({ units: 2, peephole: 'none' as never })).toThrow(
      /^PeepholeLSTM: expected peephole to be 'diagonal' or 'full'/,
    );
    expect(() => new LSTM({ units: 2 }).cell).toThrow(/is not built yet/);
    tf.dispose([a, b]);
    layer.dispose();
    rebuilt.dispose();
    await expectNoLeakedTensors(async () => {
      const model = new Sequential({
        seed: 3,
        layers: [new GRU({ units: 3, returnSequences: true }), new CoupledLSTM({ units: 2 }), new Dense({ units: 1 })],
      });
      const xs = tf.ones([4, 3, 4]);
      const ys = tf.zeros([4, 1]);
      await fit(
        model,
        { x: xs, y: ys },
        { loss: meanSquared, epochs: 1, batchSize: 4, clipNorm: 0.5, progress: 'none' },
      );
      model.dispose();
      return [xs, ys];
    });
    x.dispose();
  });
});

describeEachBackend(
  'recurrent layers: gradient clipping through fit',
  () => {
    test('fit trains a Sequential LSTM; gradient clipping reaches the recurrent weights', async () => {
      const x = tf.randomNormal([4, 3, 2], 0, 1, 'float32', 5);
      const y = tf.randomNormal([4, 1], 0, 1, 'float32', 6);
      // clipValue 1e-6 with SGD lr 1: one step moves no weight element by more than 1e-6.
      const clipped = new Sequential({ seed: 1, layers: [new LSTM({ units: 4 }), new Dense({ units: 1 })] });
      clipped.apply(tf.tidy(() => tf.zeros([1, 3, 2]))).dispose();
      const before = clipped.getWeights();
      await fit(
        clipped,
        { x, y },
        {
          loss: meanSquared,
          optimizer: new Sgd({ learningRate: 1 }),
          epochs: 1,
          batchSize: 4,
          clipValue: 1e-6,
          progress: 'none',
        },
      );
      const after = clipped.getWeights();
      for (const [k, w] of before.entries()) {
        const moved = tf.tidy(() => tf.max(tf.abs(tf.sub(after[k] as tf.Tensor, w))));
        // 1e-6 plus float32 rounding of weights near 1 (one ulp is 1.2e-7).
        expect((await moved.data())[0]).toBeLessThanOrEqual(1e-6 + 2.5e-7);
        moved.dispose();
      }
      // With a global-norm clip, training still lowers the loss.
      const free = new Sequential({ seed: 1, layers: [new LSTM({ units: 4 }), new Dense({ units: 1 })] });
      const history = await fit(
        free,
        { x, y },
        {
          loss: meanSquared,
          optimizer: new Sgd({ learningRate: 0.1 }),
          epochs: 3,
          batchSize: 4,
          shuffle: false,
          clipNorm: 1,
          progress: 'none',
        },
      );
      const losses = history.metrics.loss as number[];
      expect(losses.at(-1) as number).toBeLessThan(losses[0] as number);
      tf.dispose([x, y, before, after]);
      clipped.dispose();
      free.dispose();
    });
  },
  // fit's clipping is backend-independent code; fit on webgpu is covered by the config/leak test
  // above. On SwiftShader these four fit calls take ~10 s, beyond this package's test budget.
  { backends: ['cpu', 'wasm'] },
);
