import * as tf from '@tensorflow/tfjs-core';
import { Dense, Sequential, Sgd } from '@baihua/core';
import { softmaxCrossEntropy } from '@baihua/losses';
import { digits } from './digits.js';
import type { TrainingCase, TrainingSetup } from './training-case.js';

type Unit = 'relu' | 'leakyRelu' | 'elu';

function setup(activation: Unit, learningRate: number, label: string): TrainingSetup {
  const train = digits(512, 12);
  const hidden = (i: number) =>
    new Dense({
      units: 64,
      activation,
      kernelInitializer: 'heNormal',
      biasInitializer: { name: 'constant', value: -1 },
      name: `dense_${i}`,
    });
  const model = new Sequential({
    name: `dead_${activation}`,
    seed: 12,
    layers: [hidden(1), hidden(2), new Dense({ units: 10, name: 'logits' })],
  });
  const optimizer = new Sgd({ learningRate });
  return {
    label,
    model,
    train,
    options: { loss: softmaxCrossEntropy, optimizer, epochs: 4, batchSize: 32, seed: 12 },
    dispose: () => {
      tf.dispose([train.x, train.y]);
      optimizer.dispose();
      model.dispose();
    },
  };
}

/**
 * The seed's 死亡神经元 (dead neurons, output always 0): ReLU units whose bias starts at -1 (every
 * unit of dense_2 below zero from the first step, about half of dense_1's) and a huge learning rate
 * (SGD lr 2); below zero ReLU passes no gradient, so they never come back. The seed's cure: ELU,
 * whose negative side still passes a gradient, with a sane learning rate (0.3): ELU at lr 2 diverges,
 * and LeakyReLU's slope of 0.01 is too small to revive the units within four epochs.
 */
export const deadUnitsCase: TrainingCase = {
  name: 'dead units',
  pitfall: 'dead-units',
  every: 8,
  failure: () => setup('relu', 2, 'ReLU, bias -1, SGD lr 2'),
  cure: () => setup('elu', 0.3, 'ELU, bias -1, SGD lr 0.3'),
};
