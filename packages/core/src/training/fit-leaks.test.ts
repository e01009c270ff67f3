import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { assertDtype } from '../checks/tensor-checks.js';
import { Dense, Sequential } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { expectRejectedWithoutLeaks } from '../../test/refused-without-leaks.js';
import { evaluate } from './evaluate.js';
import { predict } from './predict.js';
import { fit } from './fit.js';
import { trainStep } from './train-step.js';

// Like @baihua/losses' softmaxCrossEntropy: refuses float32 class indices, after the forward pass
// has been recorded for the gradient (the case that leaked 10 tensors per call).
const sparseCrossEntropy: LossFunction = (labels, logits) => {
  assertDtype('sparseCrossEntropy', 'labels', labels, 'int32');
  return tf.losses.softmaxCrossEntropy(tf.oneHot(labels as tf.Tensor1D, logits.shape[1] as number), logits);
};
sparseCrossEntropy.accuracyKind = 'categorical';

const throwingLoss: LossFunction = (_labels, predictions) => {
  tf.mul(predictions, 2);
  throw new Error('this loss always throws');
};

function setup() {
  const model = new Sequential({
    seed: 3,
    layers: [new Dense({ units: 5, activation: tf.relu }), new Dense({ units: 3 })],
  });
  model.ensureBuilt([1, 2]);
  const x = tf.tensor2d([0, 1, 1, 0, 0.5, 0.5, 1, 1, 0, 0, 0.2, 0.8], [6, 2]);
  const xNaN = tf.tensor2d([0, 1, 1, 0, Number.NaN, 0.5, 1, 1, 0, 0, 0.2, 0.8], [6, 2]);
  const labels = tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32');
  const floatLabels = tf.tensor1d([0, 1, 2, 0, 1, 2], 'float32');
  const wide = tf.zeros([300, 4]);
  return { model, x, xNaN, labels, floatLabels, wide, all: [x, xNaN, labels, floatLabels, wide] };
}

describeEachBackend('a failing fit, evaluate, predict, trainStep or loss leaves no tensor behind', () => {
  test('fit with float32 class labels, 100 times', async () => {
    const { model, x, floatLabels, all } = setup();
    try {
      const call = () =>
        fit(
          model,
          { x, y: floatLabels },
          { loss: sparseCrossEntropy, batchSize: 4, validationSplit: 0.5, progress: 'none' },
        );
      await expectRejectedWithoutLeaks(call, /sparseCrossEntropy: expected labels of dtype int32, got float32/, 100);
    } finally {
      tf.dispose(all);
      model.dispose();
    }
  });

  test('fit with a loss that throws, with a given optimiser, 100 times', async () => {
    const { model, x, labels, all } = setup();
    const optimizer = new Sgd({ learningRate: 0.1, momentum: 0.9 });
    try {
      const call = () => fit(model, { x, y: labels }, { loss: throwingLoss, optimizer, epochs: 2, progress: 'none' });
      await expectRejectedWithoutLeaks(call, /this loss always throws/, 100);
      expect(optimizer.stateTensorCount).toBe(0);
    } finally {
      tf.dispose(all);
      model.dispose();
    }
  });

  test('fit stopped by the NaN guard, and fit with an unknown option key, 100 times each', async () => {
    const { model, x, xNaN, labels, all } = setup();
    try {
      const nan = () =>
        fit(model, { x: xNaN, y: labels }, { loss: sparseCrossEntropy, batchSize: 2, progress: 'none' });
      await expectRejectedWithoutLeaks(nan, /fit: expected a finite loss and finite gradients, got loss NaN/, 100);
      const typo = () => fit(model, { x, y: labels }, { loss: sparseCrossEntropy, epoch: 3 } as never);
      await expectRejectedWithoutLeaks(typo, /fit: unknown key 'epoch' in options \(did you mean 'epochs'\?/, 100);
    } finally {
      tf.dispose(all);
      model.dispose();
    }
  });

  test('evaluate and predict with a wrong input shape, trainStep with a throwing loss, 100 times each', async () => {
    const { model, labels, wide, all } = setup();
    const optimizer = new Sgd({ learningRate: 0.1 });
    const x4 = tf.zeros([6, 4]);
    try {
      const shape = /was built for input shape \[\*,2\], got \[\d+,4\]/;
      await expectRejectedWithoutLeaks(
        () => evaluate(model, { x: x4, y: labels }, { loss: sparseCrossEntropy }),
        shape,
        100,
      );
      await expectRejectedWithoutLeaks(
        () => evaluate(model, { x: all[0] as tf.Tensor, y: labels }, { loss: throwingLoss, batchSize: 4 }),
        /this loss always throws/,
        100,
      );
      await expectRejectedWithoutLeaks(async () => predict(model, wide, { batchSize: 100 }), shape, 100);
      await expectRejectedWithoutLeaks(async () => predict(model, x4), shape, 100);
      const x = all[0] as tf.Tensor;
      await expectRejectedWithoutLeaks(
        () => trainStep(model, { x, y: labels }, { loss: throwingLoss, optimizer }),
        /this loss always throws/,
        100,
      );
    } finally {
      tf.dispose([...all, x4]);
      model.dispose();
    }
  });
});
