import { ConvBlock, ResidualBlock } from '@baihua/cnn';
import { Dense, type Layer, RepeatVector, Sequential, TimeDistributed } from '@baihua/core';
import { reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import { LSTM } from '@baihua/rnn';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrt, ortMaxDiff, parityTable, printParityTable } from './test/ort-parity.js';

const ort = await loadOrt();

/** Moves BatchNorm statistics off their initial 0 and 1, so the folding is exercised. */
function randomizeNorms(layer: Layer): void {
  for (const [i, w] of layer.weights().entries())
    if (w.name.includes('moving')) w.variable.assign(tf.randomUniform(w.shape, 0.3, 1.4, 'float32', 30 + i));
}

async function parity(kind: string, layers: Layer[], shape: number[]): Promise<void> {
  const model = new Sequential({ layers });
  const x = tf.randomNormal(shape, 0, 1, 'float32', 13);
  model.apply(x).dispose();
  randomizeNorms(model);
  const diff = await ortMaxDiff(ort as never, model, [x]);
  parityTable.set(kind, diff);
  x.dispose();
  expect(diff).toBeLessThanOrEqual(1e-5);
}

if (typeof ort === 'string') reportUnavailable('onnxruntime-node', ort, requiredOnCi('BAIHUA_REQUIRE_ONNXRUNTIME'));
else
  describe('exportOnnx: composite layers in onnxruntime', () => {
    afterAll(printParityTable);

    it('ConvBlock (Conv2D, BatchNorm, relu)', async () => {
      await parity(
        'ConvBlock',
        [new ConvBlock({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu', seed: 1 })],
        [2, 6, 6, 3],
      );
    });

    it('ResidualBlock with and without projection', async () => {
      const layers = [
        new ResidualBlock({ filters: 3, kernelSize: 3, seed: 2 }),
        new ResidualBlock({ filters: 4, kernelSize: 3, strides: 2, seed: 3 }),
      ];
      await parity('ResidualBlock (identity, then projection)', layers, [2, 6, 6, 3]);
    });

    it('RepeatVector into an LSTM, TimeDistributed Dense', async () => {
      const layers = [
        new Dense({ units: 3, seed: 4 }),
        new RepeatVector({ n: 4 }),
        new LSTM({ units: 5, returnSequences: true, seed: 5 }),
        new TimeDistributed({ layer: new Dense({ units: 2, activation: 'softmax', seed: 6 }) }),
      ];
      await parity('RepeatVector + LSTM + TimeDistributed(Dense)', layers, [3, 6]);
    });
  });
