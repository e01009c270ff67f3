import { AdditiveAttention, Attention, Dense, Model, input } from '@baihua/core';
import { reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrt, ortMaxDiff, parityTable, printParityTable } from './test/ort-parity.js';

const ort = await loadOrt();

if (typeof ort === 'string') reportUnavailable('onnxruntime-node', ort, requiredOnCi('BAIHUA_REQUIRE_ONNXRUNTIME'));
else
  describe('exportOnnx: attention (decomposed) in onnxruntime', () => {
    afterAll(printParityTable);

    it.each([
      ['Attention, scores returned', () => new Attention({ returnScores: true })],
      ['Attention useScale (scale 0.7)', () => new Attention({ useScale: true })],
      ['AdditiveAttention useScale', () => new AdditiveAttention({ useScale: true, seed: 4 })],
      ['AdditiveAttention plain, scores', () => new AdditiveAttention({ returnScores: true })],
    ])('%s: query [5, 4], value [6, 3], key [6, 4]', async (kind, make) => {
      const q = input({ shape: [5, 4], name: 'q' });
      const v = input({ shape: [6, 3], name: 'v' });
      const k = input({ shape: [6, 4], name: 'k' });
      const layer = make();
      const outputs = layer.applyMulti([q, v, k]);
      if (layer.weights().length > 0 && layer.typeName === 'Attention')
        layer.weights()[0]!.variable.assign(tf.scalar(0.7));
      const model = new Model({ inputs: [q, v, k], outputs });
      const xs = [
        [2, 5, 4],
        [2, 6, 3],
        [2, 6, 4],
      ].map((s, i) => tf.randomNormal(s, 0, 1, 'float32', 40 + i));
      const diff = await ortMaxDiff(ort, model, xs);
      parityTable.set(kind, diff);
      tf.dispose(xs);
      expect(diff).toBeLessThanOrEqual(1e-5);
    });

    it('causal self-attention between two Dense layers', async () => {
      const x = input({ shape: [6, 4], name: 'x' });
      const h = new Dense({ units: 4, activation: 'tanh', seed: 1 }).apply(x);
      const attended = new Attention({ causal: true }).apply([h, h]);
      const model = new Model({ inputs: x, outputs: new Dense({ units: 2, seed: 2 }).apply(attended) });
      const data = tf.randomNormal([3, 6, 4], 0, 1, 'float32', 50);
      const diff = await ortMaxDiff(ort, model, [data]);
      parityTable.set('Attention causal (self)', diff);
      data.dispose();
      expect(diff).toBeLessThanOrEqual(1e-5);
    });
  });
