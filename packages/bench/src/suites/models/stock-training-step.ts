import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BenchCase, PreparedCase } from '../../harness/bench-case.js';
import { seededNormal, seededOneHot } from '../../harness/seeded-tensors.js';
import { disposeStockWeights, seedStockWeights } from '../../harness/stock-layers.js';

/** What a stock model case needs: the model, its input shape and the number of classes. */
export interface StockModelSpec {
  build(): tfl.LayersModel;
  inputShape: number[];
  classes: number;
}

/**
 * One training step of a compiled stock tfjs-layers model: `model.trainOnBatch` with Adam and
 * categorical cross-entropy, which returns the loss once it is on the host. The first step
 * starts from seeded weights, so its loss can be compared across backends.
 */
export function prepareStockTrainingStep(spec: StockModelSpec, seed: number): PreparedCase {
  const model = spec.build();
  seedStockWeights(model, seed);
  const optimizer = tf.train.adam(1e-3);
  model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  const batch = spec.inputShape[0] as number;
  const x = seededNormal(spec.inputShape, seed + 100, 0.5);
  const y = seededOneHot(batch, spec.classes, seed + 101);
  return {
    run: async () => {
      const loss = await model.trainOnBatch(x, y);
      return tf.scalar(Array.isArray(loss) ? (loss[0] as number) : loss);
    },
    dispose: () => {
      tf.dispose([x, y]);
      disposeStockWeights(model);
      optimizer.dispose();
    },
  };
}

/** A models-suite case for a stock model. */
export function stockModelCase(
  name: string,
  title: string,
  spec: StockModelSpec,
  params: BenchCase['params'],
): BenchCase {
  return {
    id: `models/${name}/stock`,
    suite: 'models',
    title: `${title} train step`,
    implementation: 'stock',
    compareKey: `train-step/${name}`,
    params,
    tolerance: { rtol: 1e-3, atol: 1e-4 },
    setup: () => prepareStockTrainingStep(spec, 51),
  };
}
