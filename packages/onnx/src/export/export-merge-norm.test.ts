import { GlobalAvgPool1D, GlobalMaxPool1D } from '@baihua/cnn';
import {
  Add,
  BatchNorm,
  Concatenate,
  Dense,
  Embedding,
  GroupNorm,
  type Layer,
  LayerNorm,
  Model,
  Multiply,
  Residual,
  Sequential,
  input,
} from '@baihua/core';
import { reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrt, ortMaxDiff, parityTable, printParityTable } from './test/ort-parity.js';

const ort = await loadOrt();

/** Gives every weight of a built layer random values (norm layers start at ones and zeros). */
function randomizeWeights(layer: Layer, seed: number): void {
  for (const [i, w] of layer.weights().entries()) {
    const lower = w.name.includes('ariance') ? 0.2 : -1;
    w.variable.assign(tf.randomUniform(w.shape, lower, 1.5, 'float32', seed + i));
  }
}

async function parity(kind: string, model: Layer, inputs: tf.Tensor[], tolerance = 1e-5): Promise<void> {
  model.applyMulti(inputs.length === 1 ? inputs[0]! : inputs).forEach((t) => t.dispose());
  randomizeWeights(model, 21);
  const diff = await ortMaxDiff(ort as never, model, inputs);
  parityTable.set(kind, diff);
  tf.dispose(inputs);
  expect(diff).toBeLessThanOrEqual(tolerance);
}

const x = (shape: number[], seed = 1) => tf.randomNormal(shape, 0, 1.5, 'float32', seed);

if (typeof ort === 'string') reportUnavailable('onnxruntime-node', ort, requiredOnCi('BAIHUA_REQUIRE_ONNXRUNTIME'));
else
  describe('exportOnnx: norms, merges, Residual, Embedding, 1-D global pools in onnxruntime', () => {
    afterAll(printParityTable);

    it.each([
      ['BatchNorm (rank 4)', () => new BatchNorm({ epsilon: 0.01 }), [2, 5, 4, 3]],
      ['BatchNorm no scale/center (rank 2)', () => new BatchNorm({ scale: false, center: false }), [4, 6]],
      ['LayerNorm (rank 3)', () => new LayerNorm({ epsilon: 1e-3 }), [2, 5, 8]],
      ['GroupNorm groups 2 (rank 4)', () => new GroupNorm({ groups: 2 }), [2, 3, 4, 6]],
      ['GroupNorm groups 3 (rank 3)', () => new GroupNorm({ groups: 3, epsilon: 1e-3 }), [2, 5, 6]],
      ['GlobalAvgPool1D', () => new GlobalAvgPool1D(), [2, 5, 3]],
      ['GlobalMaxPool1D keepDims', () => new GlobalMaxPool1D({ keepDims: true }), [2, 5, 3]],
      [
        'Residual (Dense tanh)',
        () => new Residual({ body: new Dense({ units: 6, activation: 'tanh', seed: 1 }) }),
        [3, 6],
      ],
    ])('%s', async (kind, make, shape) => {
      await parity(kind, new Sequential({ layers: [make()] }), [x(shape as number[])]);
    });

    it('Embedding of int32 ids, then Dense', async () => {
      const model = new Sequential({
        layers: [new Embedding({ inputDim: 10, outputDim: 4, seed: 1 }), new Dense({ units: 2, seed: 2 })],
      });
      await parity('Embedding (Gather)', model, [
        tf.tensor2d(
          [
            [1, 9, 0],
            [3, 3, 7],
          ],
          [2, 3],
          'int32',
        ),
      ]);
    });

    it('Add, Multiply and Concatenate in a graph', async () => {
      const a = input({ shape: [4], name: 'a' });
      const b = input({ shape: [4], name: 'b' });
      const c = input({ shape: [4], name: 'c' });
      const sum = new Add().apply([a, b, c]);
      const product = new Multiply().apply([a, b, c]);
      const joined = new Concatenate({ axis: -1 }).apply([sum, product, a]);
      const model = new Model({ inputs: [a, b, c], outputs: new Dense({ units: 3, seed: 3 }).apply(joined) });
      await parity('Add/Multiply/Concatenate', model, [x([2, 4], 1), x([2, 4], 2), x([2, 4], 3)]);
    });
  });
