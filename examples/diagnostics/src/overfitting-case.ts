import * as tf from '@tensorflow/tfjs-core';
import { Adam, Dense, Dropout, Sequential } from '@baihua/core';
import { softmaxCrossEntropy } from '@baihua/losses';
import { digitSplit } from './digits.js';
import type { TrainingCase, TrainingSetup } from './training-case.js';

const dropoutRate = 0.5;
const decay = 3e-2;

function setup(cured: boolean, label: string): TrainingSetup {
  const { train, validation } = digitSplit(200, 500, 14);
  const layer = (i: number) =>
    new Dense({ units: 256, activation: 'relu', kernelInitializer: 'heNormal', name: `dense_${i}` });
  const drop = (i: number) => (cured ? [new Dropout({ rate: dropoutRate, name: `dropout_${i}` })] : []);
  const model = new Sequential({
    name: 'big_mlp',
    seed: 14,
    layers: [layer(1), ...drop(1), layer(2), ...drop(2), new Dense({ units: 10, name: 'logits' })],
  });
  const optimizer = new Adam({ learningRate: 3e-3 });
  return {
    label,
    model,
    train,
    validation,
    options: {
      loss: softmaxCrossEntropy,
      optimizer,
      epochs: 10,
      batchSize: 32,
      seed: 14,
      ...(cured ? { weightDecay: decay } : {}),
    },
    dispose: () => {
      tf.dispose([train.x, train.y, validation.x, validation.y]);
      optimizer.dispose();
      model.dispose();
    },
  };
}

/**
 * The seed's 过拟合 (overfitting, training far better than validation): 784-256-256-10 (269,322
 * weights) on 200 digits, scored on 500 others, Adam lr 3e-3 for 10 epochs; the training loss goes
 * to ~0.01 while the validation loss turns back up. The seed's cure: Dropout + L2 (dropout 0.5 after
 * each hidden layer, weight decay 3e-2): the validation loss keeps falling and stays within 1.5x of
 * the training loss.
 */
export const overfittingCase: TrainingCase = {
  name: 'overfitting',
  pitfall: 'overfitting',
  every: 7,
  snapshot: { layer: 'dense_2', epochs: [0, 4, 9] },
  failure: () => setup(false, '784-256-256-10 on 200 digits'),
  cure: () => setup(true, `the same with dropout ${dropoutRate} and weight decay ${decay}`),
};
