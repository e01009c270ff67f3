// `trainable: false` on a container freezes the layers inside it, for every container: Sequential
// always did; Residual and Composite kept training their children (fit updated a "frozen" block).
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { deserializeModel, serializeModel } from '../serialization/index.js';
import { describeEachBackend } from '../testing.js';
import { fit } from '../training/fit.js';
import { Composite } from './composite.js';
import { Dense } from './dense.js';
import type { Layer } from './layer.js';
import { Residual } from './residual.js';
import { Sequential } from './sequential.js';

const containers: Record<string, () => Layer> = {
  Sequential: () => new Sequential({ trainable: false, layers: [new Dense({ units: 2 }), new Dense({ units: 2 })] }),
  Residual: () => new Residual({ trainable: false, body: new Dense({ units: 2 }) }),
  Composite: () =>
    new Composite({
      trainable: false,
      layers: { a: new Dense({ units: 2 }), b: new Dense({ units: 2 }) },
      forward: ({ a, b }, x, context) => b.apply(a.apply(x, context), context),
    }),
};

describeEachBackend(
  'trainable: false on a container',
  () => {
    for (const [type, make] of Object.entries(containers)) {
      test(`${type}: no trainable weight, fit refuses it; trainable = true thaws every child`, async () => {
        const model = make();
        const x = tf.ones([2, 2]);
        try {
          model.ensureBuilt([2, 2]);
          expect(model.trainableWeights()).toEqual([]);
          expect(model.nonTrainableWeights().length).toBe(model.weights().length);
          const mse = (labels: tf.Tensor, predictions: tf.Tensor) =>
            tf.losses.meanSquaredError(labels, predictions) as tf.Scalar;
          await expect(fit(model, { x, y: x }, { loss: mse, progress: 'none' })).rejects.toThrow(
            /fit: model '.*' has no trainable weights \(are all its layers frozen\?\)/,
          );
          model.trainable = true;
          expect(model.trainableWeights().length).toBe(model.weights().length);
        } finally {
          x.dispose();
          model.dispose();
        }
      });
    }

    test('Residual: still frozen after serializeModel / deserializeModel', async () => {
      const model = containers.Residual?.() as Layer;
      model.ensureBuilt([1, 2]);
      const loaded = await deserializeModel(await serializeModel(model));
      expect(loaded.trainableWeights()).toEqual([]);
      model.dispose();
      loaded.dispose();
    });
  },
  { backends: ['cpu'] },
);
