import { Dense, Dropout, Flatten, Model, Reshape, Sequential, input } from '@baihua/core';
import { reportUnavailable, requiredOnCi } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrt, ortMaxDiff, parityTable, printParityTable } from './test/ort-parity.js';

const ort = await loadOrt();
const activations = [
  'linear',
  'relu',
  'sigmoid',
  'tanh',
  'softmax',
  'logSoftmax',
  'elu',
  'leakyRelu',
  'hardSigmoid',
  'softplus',
  'selu',
  'silu',
  'gelu',
];

function randomInput(shape: number[], seed: number): tf.Tensor {
  return tf.randomNormal(shape, 0, 2, 'float32', seed);
}

if (typeof ort === 'string') reportUnavailable('onnxruntime-node', ort, requiredOnCi('BAIHUA_REQUIRE_ONNXRUNTIME'));
else
  describe('exportOnnx: Dense, activations, Dropout, Flatten, Reshape in onnxruntime', () => {
    afterAll(printParityTable);

    it.each(activations)('Dense with activation %s', async (activation) => {
      const model = new Sequential({
        layers: [
          new Dense({
            units: 5,
            activation,
            seed: 3,
            biasInitializer: { name: 'randomUniform', minval: -1, maxval: 1 },
          }),
        ],
      });
      const x = randomInput([4, 7], 1);
      model.apply(x).dispose();
      const diff = await ortMaxDiff(ort, model, [x]);
      parityTable.set(`Dense ${activation}`, diff);
      expect(diff).toBeLessThanOrEqual(1e-5);
      x.dispose();
    });

    it('Reshape, Dropout, Flatten and Dense on rank 3 in a Sequential, batch sizes 1 and 5', async () => {
      const model = new Sequential({
        layers: [
          new Reshape({ targetShape: [3, -1] }),
          new Dense({ units: 4, activation: 'tanh', seed: 1 }),
          new Dropout({ rate: 0.5 }),
          new Flatten(),
          new Dense({ units: 2, useBias: false, seed: 2 }),
        ],
      });
      for (const batch of [1, 5]) {
        const x = randomInput([batch, 12], batch);
        model.apply(x).dispose();
        const diff = await ortMaxDiff(ort, model, [x]);
        parityTable.set('Reshape+Dense(rank 3)+Dropout+Flatten', diff);
        expect(diff).toBeLessThanOrEqual(1e-5);
        x.dispose();
      }
    });

    it('models nested in models: a graph Model inside a Sequential inside a graph Model', async () => {
      const a = input({ shape: [5], name: 'inner_in' });
      const inner = new Model({ inputs: a, outputs: new Dense({ units: 4, activation: 'relu', seed: 8 }).apply(a) });
      const stack = new Sequential({ layers: [inner, new Dense({ units: 3, activation: 'tanh', seed: 9 })] });
      const x = input({ shape: [5], name: 'x' });
      const model = new Model({ inputs: x, outputs: new Dense({ units: 2, seed: 10 }).apply(stack.apply(x)) });
      const data = randomInput([3, 5], 12);
      const diff = await ortMaxDiff(ort, model, [data]);
      parityTable.set('nested Model/Sequential/Model', diff);
      expect(diff).toBeLessThanOrEqual(1e-5);
      data.dispose();
    });

    it('a graph model with two inputs, a shared Dense and two outputs', async () => {
      const a = input({ shape: [6], name: 'a' });
      const b = input({ shape: [6], name: 'b' });
      const shared = new Dense({ units: 3, activation: 'relu', seed: 4 });
      const model = new Model({
        inputs: [a, b],
        outputs: { left: shared.apply(a), right: new Dense({ units: 2, seed: 5 }).apply(shared.apply(b)) },
      });
      const xs = [randomInput([3, 6], 7), randomInput([3, 6], 8)];
      const diff = await ortMaxDiff(ort, model, xs);
      parityTable.set('Model (shared Dense, 2 in, 2 out)', diff);
      expect(diff).toBeLessThanOrEqual(1e-5);
      tf.dispose(xs);
    });
  });
