import * as tf from '@tensorflow/tfjs-core';
import {
  Adam,
  Dense,
  Dropout,
  Sequential,
  cosineDecay,
  evaluate,
  fit,
  type History,
  type ProgressMode,
} from '@baihua/core';
import { softmaxCrossEntropy } from '@baihua/losses';
import { loadDigits, toTensors } from './load-digits.js';
import { shiftImages } from './shift-images.js';

/** Softmax cross-entropy on logits, mean over the batch: E = -sum t ln softmax(z), gradient softmax(z) - t (fused). */
export const crossEntropy = (labels: tf.Tensor, logits: tf.Tensor): tf.Scalar => softmaxCrossEntropy(labels, logits);

/** The seed's 784-256-128-10 MLP: ReLU hidden layers (He init), dropout, 10 logits (softmax lives in the loss). */
export function buildMlp(seed: number, dropout = 0.2): Sequential {
  return new Sequential({
    name: 'mnist_mlp',
    seed,
    layers: [
      new Dense({ units: 256, activation: 'relu', kernelInitializer: 'heNormal', name: 'hidden1' }),
      new Dropout({ rate: dropout, name: 'dropout1' }),
      new Dense({ units: 128, activation: 'relu', kernelInitializer: 'heNormal', name: 'hidden2' }),
      new Dropout({ rate: dropout, name: 'dropout2' }),
      new Dense({ units: 10, name: 'logits' }),
    ],
  });
}

export interface TrainMlpOptions {
  train: number;
  test: number;
  epochs: number;
  seed?: number;
  batchSize?: number;
  learningRate?: number;
  /** Random shifts of up to 2 px. Default true. */
  augment?: boolean;
  progress?: ProgressMode;
}

/**
 * Loads a seeded split, trains the MLP with Adam + cosine schedule + dropout + shifts, evaluates on the held-out
 * digits.
 */
export async function trainMlp(
  options: TrainMlpOptions,
): Promise<{ model: Sequential; history: History; testLoss: number; testAccuracy: number; seconds: number }> {
  const { seed = 2026, batchSize = 64, learningRate = 1e-3, augment = true } = options;
  const split = loadDigits({ train: options.train, test: options.test, seed });
  const train = toTensors(split.train);
  const test = toTensors(split.test);
  const model = buildMlp(seed);
  const optimizer = new Adam({ learningRate });
  const started = performance.now();
  try {
    const history = await fit(model, train, {
      loss: crossEntropy,
      metrics: ['accuracy'],
      optimizer,
      epochs: options.epochs,
      batchSize,
      seed,
      validationData: test,
      learningRate: cosineDecay(),
      ...(augment ? { augment: (x, random) => shiftImages(x, random, 2) } : {}),
      progress: options.progress ?? 'auto',
    });
    const seconds = (performance.now() - started) / 1000;
    const result = await evaluate(model, test, { loss: crossEntropy, metrics: ['accuracy'] });
    return { model, history, testLoss: result.loss, testAccuracy: result.accuracy as number, seconds };
  } finally {
    optimizer.dispose();
    tf.dispose([train.x, train.y, test.x, test.y]);
  }
}
