import * as tf from '@tensorflow/tfjs-core';
import { Dense, Embedding, type Layer, Masking, Sequential, deserializeModel, serializeModel } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { Bidirectional, GRU, LSTM, SimpleRNN } from '@baihua/rnn';
import { expect, test } from 'vitest';
import { exportOnnx } from '../export/export-onnx.js';
import { importOnnx } from './import-onnx.js';

const cases: [string, () => Layer][] = [
  ['LSTM, last step', () => new LSTM({ units: 3 })],
  ['GRU, every step', () => new GRU({ units: 3, returnSequences: true })],
  ['SimpleRNN, last step', () => new SimpleRNN({ units: 3 })],
  ['Bidirectional LSTM, every step', () => new Bidirectional({ layer: new LSTM({ units: 2, returnSequences: true }) })],
];

/** Right-padded ids (0 = padding) for an Embedding with maskZero, or features zeroed after each length for Masking. */
function front(kind: 'Embedding' | 'Masking'): { layer: Layer; x: tf.Tensor } {
  const lengths = [5, 2, 1];
  if (kind === 'Embedding') {
    const ids = [
      [3, 1, 4, 1, 5],
      [2, 6, 0, 0, 0],
      [5, 0, 0, 0, 0],
    ];
    return {
      layer: new Embedding({ inputDim: 7, outputDim: 4, maskZero: true }),
      x: tf.tensor2d(ids, [3, 5], 'int32'),
    };
  }
  const x = tf.tidy(() => {
    const steps = tf.tensor2d(
      lengths.map((n) => [0, 1, 2, 3, 4].map((t) => (t < n ? 1 : 0))),
      [3, 5],
    );
    return tf.mul(tf.randomNormal([3, 5, 4], 0, 1, 'float32', 9), tf.expandDims(steps, 2));
  });
  return { layer: new Masking({ maskValue: 0 }), x };
}

// exportOnnx (masks: 'right-padded') writes the mask as sequence_lens; the import makes the masking
// layer again, so the recurrent layer gets the mask. cpu and wasm only: exportOnnx reads weights
// synchronously (see import-onnx-round-trip.test.ts).
describeEachBackend(
  'importOnnx(exportOnnx(model, { masks })): a masking Embedding or Masking before a recurrent layer comes back',
  () => {
    for (const kind of ['Embedding', 'Masking'] as const)
      for (const [title, make] of cases) {
        test(`${kind}, ${title}: equal outputs, also after save/load`, async () => {
          await expectNoLeakedTensors(async () => {
            const { layer, x } = front(kind);
            const model = new Sequential({ seed: 6, layers: [layer, make(), new Dense({ units: 2 })] });
            const expected = model.apply(x);
            const imported = importOnnx(exportOnnx(model, { masks: 'right-padded' }));
            const loaded = await deserializeModel(await serializeModel(imported));
            try {
              const types = imported.layers.map((l) => l.typeName);
              if (kind === 'Masking') expect(types).toContain('Masking');
              else
                expect(
                  (imported.layers.find((l) => l.typeName === 'Embedding') as Embedding).getConfig().maskZero,
                ).toBe(true);
              for (const m of [imported, loaded]) {
                const actual = m.apply(x);
                await expectTensorsClose(actual, expected, { rtol: 0, atol: 1e-5 });
                actual.dispose();
              }
            } finally {
              tf.dispose([x, expected]);
              model.dispose();
              imported.dispose();
              loaded.dispose();
            }
          });
        });
      }
  },
  { backends: ['cpu', 'wasm'] },
);
