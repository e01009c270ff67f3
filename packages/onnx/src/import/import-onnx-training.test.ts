import * as tf from '@tensorflow/tfjs-core';
import { Dense } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { importOnnx } from './import-onnx.js';
import { fixtureBytes, fixtureTensor, torchOnnxCases } from './torch-fixtures.js';

const cases = torchOnnxCases();

describeEachBackend('importOnnx: imported weights train', () => {
  test("the MLP's weight gradients equal PyTorch's (kernel = weight^T)", async () => {
    const c = cases.mlp!;
    await expectNoLeakedTensors(async () => {
      const model = importOnnx(fixtureBytes(c.file));
      const [x, dy] = [fixtureTensor(c.input), fixtureTensor(c.dy!)];
      try {
        const dense = model.layers.filter((l) => l instanceof Dense);
        expect(dense).toHaveLength(3);
        const variables = dense.flatMap((l) => [l.weight('kernel').variable, l.weight('bias').variable]);
        const { value, grads } = tf.variableGrads(
          () => tf.sum(tf.mul(model.apply(x, { training: true }), dy)),
          variables,
        );
        const tolerance = { rtol: 1e-4, atol: 1e-5 };
        for (const [k, index] of [0, 2, 4].entries()) {
          const torchWeight = fixtureTensor(c.gradients![`net.${index}.weight`]!);
          const kernelGrad = tf.transpose(torchWeight);
          await expectTensorsClose(grads[variables[2 * k]!.name]!, kernelGrad, tolerance);
          await expectTensorsClose(grads[variables[2 * k + 1]!.name]!, c.gradients![`net.${index}.bias`]!, tolerance);
          tf.dispose([torchWeight, kernelGrad]);
        }
        tf.dispose([value, ...Object.values(grads)]);
      } finally {
        tf.dispose([x, dy]);
        model.dispose();
      }
    });
  });

  for (const name of ['lenet', 'lstmClassifier', 'gruClassifier', 'bilstm', 'residualCnn']) {
    test(`one SGD step on ${name} reaches every imported weight and lowers the loss`, async () => {
      const c = cases[name]!;
      const start = tf.memory().numTensors;
      const model = importOnnx(fixtureBytes(c.file));
      const x = fixtureTensor(c.input, name === 'lstmClassifier' ? 'int32' : 'float32');
      const target = tf.zeros(c.output.shape);
      try {
        const variables = model.trainableWeights().map((w) => w.variable);
        const loss = (): tf.Scalar => tf.mean(tf.square(tf.sub(model.apply(x, { training: false }), target)));
        const { value: before, grads } = tf.variableGrads(loss, variables);
        for (const v of variables) {
          const norm = tf.norm(grads[v.name]!);
          const [value] = await norm.data();
          norm.dispose();
          expect(value, `gradient of ${v.name}`).toBeGreaterThan(0);
          expect(Number.isFinite(value)).toBe(true);
        }
        for (const v of variables) {
          const next = tf.tidy(() => tf.sub(v, tf.mul(grads[v.name]!, 0.05)));
          v.assign(next);
          next.dispose();
        }
        const after = tf.tidy(loss);
        expect((await after.data())[0]!).toBeLessThan((await before.data())[0]!);
        tf.dispose([before, after, ...Object.values(grads)]);
      } finally {
        tf.dispose([x, target]);
        model.dispose();
      }
      expect(tf.memory().numTensors).toBe(start);
    });
  }
});
