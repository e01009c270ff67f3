import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase } from '../../harness/bench-case.js';
import { seededNormal, seededOneHot } from '../../harness/seeded-tensors.js';

/** The part of a @baihua/core layer a training step needs. */
interface OursModel {
  dispose(): void;
}

/** What an 'ours' model case provides: the model (seeded weights) and its input shape, batch first. */
export interface OursModelSpec {
  build(): Promise<OursModel>;
  inputShape: number[];
  classes: number;
}

/**
 * A models-suite case for a baihua model: one training step through @baihua/core's `fit` (one
 * epoch over exactly one batch, Adam 1e-3, softmax cross-entropy on logits, no shuffling, no
 * progress output; `fit` reads the loss back once per epoch). It shares the compareKey of the stock
 * case `models/<name>/stock` (trainOnBatch with Adam), so the row shows ours/stock.
 */
export function oursModelCase(
  name: string,
  title: string,
  spec: OursModelSpec,
  params: BenchCase['params'],
): BenchCase {
  return {
    id: `models/${name}/ours`,
    suite: 'models',
    title: `${title} train step`,
    implementation: 'ours',
    compareKey: `train-step/${name}`,
    params: { ...params, via: '@baihua/core fit, 1 batch' },
    async setup() {
      const core = await import('@baihua/core');
      const model = await spec.build();
      const optimizer = new core.Adam({ learningRate: 1e-3 });
      const batch = spec.inputShape[0] as number;
      const x = seededNormal(spec.inputShape, 151, 0.5);
      const y = seededOneHot(batch, spec.classes, 152);
      const loss = (labels: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
      return {
        run: async () => {
          const history = await core.fit(
            model as InstanceType<typeof core.Sequential>,
            { x, y },
            { loss, optimizer, epochs: 1, batchSize: batch, shuffle: false, progress: 'none' },
          );
          return tf.tensor1d(history.get('loss'));
        },
        dispose: () => {
          tf.dispose([x, y]);
          model.dispose();
          optimizer.dispose();
        },
      };
    },
  };
}
