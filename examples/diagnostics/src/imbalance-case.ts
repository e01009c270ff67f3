import * as tf from '@tensorflow/tfjs-core';
import { Adam, Dense, Sequential } from '@baihua/core';
import { categoricalFocalLoss, softmaxCrossEntropy } from '@baihua/losses';
import { imbalancedDigits } from './digits.js';
import type { TrainingCase, TrainingSetup } from './training-case.js';

const factor = 20;
const majority = 1;

function setup(cured: boolean, label: string): TrainingSetup {
  const { tensors: train, counts } = imbalancedDigits({ majority, perMajority: 600, factor, seed: 15 });
  const model = new Sequential({
    name: 'imbalanced_mlp',
    seed: 15,
    layers: [
      new Dense({ units: 64, activation: 'relu', kernelInitializer: 'heNormal', name: 'dense_1' }),
      new Dense({ units: 10, name: 'logits' }),
    ],
  });
  const optimizer = new Adam({ learningRate: 3e-4 });
  // Inverse-frequency weights, scaled so that the average example weighs 1.
  const total = counts.reduce((a, c) => a + c, 0);
  const classWeights = counts.map((c) => total / (counts.length * c));
  return {
    label,
    model,
    train,
    options: {
      loss: cured ? categoricalFocalLoss : softmaxCrossEntropy,
      metrics: ['accuracy'],
      optimizer,
      epochs: 3,
      batchSize: 32,
      seed: 15,
      ...(cured ? { classWeights } : {}),
    },
    dispose: () => {
      tf.dispose([train.x, train.y]);
      optimizer.dispose();
      model.dispose();
    },
  };
}

/**
 * The seed's 类别不平衡 (class imbalance, the model favours the majority): 600 ones and 30 of every
 * other digit (9 of 10 classes downsampled 20x), a small MLP trained briefly, which calls most
 * digits a 1. The seed's cure: weighted cross-entropy + focal loss (class weights inversely
 * proportional to the class counts, categorical focal loss at its defaults: gamma 2, alpha 0.25).
 */
export const imbalanceCase: TrainingCase = {
  name: 'imbalance',
  pitfall: 'class-imbalance',
  every: 7,
  failure: () => setup(false, `digit ${majority}: 600, the others 30 each; cross-entropy`),
  cure: () => setup(true, 'the same with class weights and focal loss'),
};
