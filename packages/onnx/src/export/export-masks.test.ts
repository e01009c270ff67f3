import { GlobalAvgPool1D } from '@baihua/cnn';
import { Dense, Embedding, LayerNorm, Masking, Sequential } from '@baihua/core';
import { reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import { Bidirectional, GRU, LSTM, PeepholeLSTM, SimpleRNN } from '@baihua/rnn';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { exportOnnx } from './export-onnx.js';
import { loadOrt, ortMaxDiff, parityTable, printParityTable } from './test/ort-parity.js';

const ort = await loadOrt();
const common = { units: 4, seed: 3 };
const rightPadded = { masks: 'right-padded' as const };

/** Right-padded float sequences [3, 6, 3]: lengths 6, 4 and 1, padding zeros. */
function paddedFeatures(): tf.Tensor {
  const x = tf.randomNormal([3, 6, 3], 0, 1, 'float32', 17);
  const keep = tf.tensor3d(
    [6, 4, 1].flatMap((n) => Array.from({ length: 6 }, (_, t) => (t < n ? 1 : 0))),
    [3, 6, 1],
  );
  const padded = tf.mul(x, keep);
  tf.dispose([x, keep]);
  return padded;
}

/** Right-padded ids [3, 5]: lengths 5, 2 and 3 (id 0 pads). */
const paddedIds = () =>
  tf.tensor2d(
    [
      [3, 1, 4, 1, 5],
      [9, 2, 0, 0, 0],
      [6, 5, 3, 0, 0],
    ],
    [3, 5],
    'int32',
  );

if (typeof ort === 'string') reportUnavailable('onnxruntime-node', ort, requiredOnCi('BAIHUA_REQUIRE_ONNXRUNTIME'));
else
  describe("exportOnnx: masks as sequence_lens (masks: 'right-padded') in onnxruntime", () => {
    afterAll(printParityTable);

    it.each([
      ['Masking + LSTM sequences', () => [new Masking(), new LSTM({ ...common, returnSequences: true })]],
      ['Masking + GRU last step, reverse', () => [new Masking(), new GRU({ ...common, reverse: true })]],
      [
        'Masking + Dense + LayerNorm + PeepholeLSTM',
        () => [new Masking(), new Dense({ units: 5, seed: 1 }), new LayerNorm(), new PeepholeLSTM(common)],
      ],
      [
        'Masking + Bidirectional SimpleRNN + LSTM',
        () => [
          new Masking(),
          new Bidirectional({ layer: new SimpleRNN({ ...common, returnSequences: true }) }),
          new LSTM(common),
        ],
      ],
    ])('%s', async (kind, make) => {
      const model = new Sequential({ layers: make() });
      const x = paddedFeatures();
      model.apply(x).dispose();
      const diff = await ortMaxDiff(ort, model, [x], rightPadded);
      parityTable.set(`mask: ${kind}`, diff);
      x.dispose();
      expect(diff).toBeLessThanOrEqual(1e-5);
    });

    it('Embedding maskZero + Bidirectional LSTM (sum) + Dense', async () => {
      const model = new Sequential({
        layers: [
          new Embedding({ inputDim: 10, outputDim: 3, maskZero: true, seed: 1 }),
          new Bidirectional({ layer: new LSTM(common), merge: 'sum' }),
          new Dense({ units: 2, seed: 2 }),
        ],
      });
      const ids = paddedIds();
      model.apply(ids).dispose();
      const diff = await ortMaxDiff(ort, model, [ids], rightPadded);
      parityTable.set('mask: Embedding maskZero + Bidirectional LSTM', diff);
      ids.dispose();
      expect(diff).toBeLessThanOrEqual(1e-5);
    });
  });

describe('exportOnnx: masks refused', () => {
  it('refuses a mask by default and one read by a layer whose ONNX form ignores it, naming the layer', () => {
    const model = new Sequential({
      layers: [
        new Masking({ name: 'pad' }),
        new LSTM({ ...common, returnSequences: true }),
        new GlobalAvgPool1D({ name: 'mean' }),
      ],
    });
    model.apply(tf.zeros([1, 3, 2])).dispose();
    expect(() => exportOnnx(model)).toThrow(
      "got layer 'pad' (Masking) makes a mask; ONNX recurrent ops take sequence lengths",
    );
    expect(() => exportOnnx(model, rightPadded)).toThrow(
      "got layer 'mean' (GlobalAvgPool1D) is given a mask, which its ONNX form does not carry",
    );
    expect(() => exportOnnx(model, { masks: 'left' as never })).toThrow(
      "expected options.masks to be 'refuse' or 'right-padded', got \"left\"",
    );
  });
});
