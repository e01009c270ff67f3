import * as tf from '@tensorflow/tfjs-core';
import { Dense, Embedding, type Layer, Sequential, deserializeModel, serializeModel } from '@baihua/core';
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

// Right-padded ids (0 = padding): exportOnnx (masks: 'right-padded') writes the Embedding's mask as
// sequence_lens; the import makes the Embedding with maskZero again, so the recurrent layer gets the mask.
// cpu and wasm only: exportOnnx reads weights synchronously (see import-onnx-round-trip.test.ts).
describeEachBackend(
  'importOnnx(exportOnnx(model, { masks })): a masking Embedding before a recurrent layer comes back',
  () => {
    for (const [title, make] of cases) {
      test(`${title}: equal outputs, also after save/load`, async () => {
        await expectNoLeakedTensors(async () => {
          const model = new Sequential({
            seed: 6,
            layers: [new Embedding({ inputDim: 7, outputDim: 4, maskZero: true }), make(), new Dense({ units: 2 })],
          });
          const ids = tf.tensor2d(
            [
              [3, 1, 4, 1, 5],
              [2, 6, 0, 0, 0],
              [5, 0, 0, 0, 0],
            ],
            [3, 5],
            'int32',
          );
          const expected = model.apply(ids);
          const imported = importOnnx(exportOnnx(model, { masks: 'right-padded' }));
          const loaded = await deserializeModel(await serializeModel(imported));
          try {
            const embedding = imported.layers.find((l) => l.typeName === 'Embedding') as Embedding;
            expect(embedding.getConfig().maskZero).toBe(true);
            for (const m of [imported, loaded]) {
              const actual = m.apply(ids);
              await expectTensorsClose(actual, expected, { rtol: 0, atol: 1e-5 });
              actual.dispose();
            }
          } finally {
            tf.dispose([ids, expected]);
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
