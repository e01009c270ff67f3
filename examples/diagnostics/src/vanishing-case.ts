import * as tf from '@tensorflow/tfjs-core';
import { Dense, Sequential, Sgd } from '@baihua/core';
import { softmaxCrossEntropy } from '@baihua/losses';
import { digits } from './digits.js';
import type { TrainingCase, TrainingSetup } from './training-case.js';

const depth = 10;
const width = 32;

function deepMlp(activation: 'sigmoid' | 'relu', seed: number): Sequential {
  const kernelInitializer = activation === 'relu' ? 'heNormal' : 'glorotUniform';
  const hidden = Array.from(
    { length: depth },
    (_, i) => new Dense({ units: width, activation, kernelInitializer, name: `dense_${i + 1}` }),
  );
  return new Sequential({
    name: `deep_${activation}`,
    seed,
    layers: [...hidden, new Dense({ units: 10, name: 'logits' })],
  });
}

function setup(activation: 'sigmoid' | 'relu', label: string): TrainingSetup {
  const train = digits(512, 11);
  const model = deepMlp(activation, 11);
  const optimizer = new Sgd({ learningRate: 0.05 });
  return {
    label,
    model,
    train,
    options: { loss: softmaxCrossEntropy, optimizer, epochs: 4, batchSize: 32, seed: 11 },
    dispose: () => {
      tf.dispose([train.x, train.y]);
      optimizer.dispose();
      model.dispose();
    },
  };
}

/**
 * The seed's 梯度消失 (vanishing gradients): ten sigmoid layers multiply ten derivatives of at
 * most 0.25, so the first layer's gradient is orders of magnitude below the last one's. The
 * seed's cure (激活函数革命): ReLU with He init, whose derivative is 1 where it fires.
 */
export const vanishingCase: TrainingCase = {
  name: 'vanishing',
  pitfall: 'vanishing-gradients',
  every: 8,
  failure: () => setup('sigmoid', `${depth} sigmoid layers, Glorot init`),
  cure: () => setup('relu', `${depth} ReLU layers, He init`),
};
