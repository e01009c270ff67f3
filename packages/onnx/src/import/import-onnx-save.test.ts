import type * as tf from '@tensorflow/tfjs-core';
import { deserializeModel, serializeModel } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { importOnnx } from './import-onnx.js';
import { fixtureBytes, fixtureTensor, torchOnnxCases } from './torch-fixtures.js';

const cases = torchOnnxCases();

describeEachBackend('an imported model saves and loads like any baihua model', () => {
  // lenet: OnnxPermute; gruClassifier: OnnxSelect; residualCnn: OnnxActivation, BatchNorm, LayerNorm.
  for (const name of ['lenet', 'gruClassifier', 'residualCnn']) {
    test(`${name}: serializeModel -> deserializeModel gives PyTorch's outputs again`, async () => {
      const c = cases[name]!;
      await expectNoLeakedTensors(async () => {
        const model = importOnnx(fixtureBytes(c.file));
        const saved = await serializeModel(model);
        model.dispose();
        const loaded = await deserializeModel(saved);
        const x = fixtureTensor(c.input);
        try {
          expect(loaded.weights().length).toBeGreaterThan(0);
          const y = loaded.apply(x) as tf.Tensor;
          await expectTensorsClose(y, c.output, { rtol: 0, atol: 1e-5 });
          y.dispose();
        } finally {
          x.dispose();
          loaded.dispose();
        }
      });
    });
  }
});
