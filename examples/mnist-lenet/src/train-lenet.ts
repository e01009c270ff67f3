import * as tf from '@tensorflow/tfjs-core';
import {
  Adam,
  cosineDecay,
  evaluate,
  fit,
  predict,
  type History,
  type ProgressMode,
  type Sequential,
} from '@baihua/core';
import { createAugmenter, lenet5, type LeNet5Options } from '@baihua/cnn';
import { loadDigits, toTensors, type DigitSplit } from './load-digits.js';

/** Softmax cross-entropy on logits, mean over the batch: E = -sum t ln softmax(z). */
export const crossEntropy = (labels: tf.Tensor, logits: tf.Tensor): tf.Scalar =>
  tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;

export interface TrainLenetOptions {
  train: number;
  test: number;
  epochs: number;
  seed?: number;
  batchSize?: number;
  learningRate?: number;
  /** Dropout after C5 and F6. Default 0.2. */
  dropout?: number;
  /** Random whole-pixel shifts of up to 2 px (pad 2, crop back). Default true. */
  augment?: boolean;
  pooling?: LeNet5Options['pooling'];
  /** Batch norm between each convolution and its ReLU (the seed's pipeline). Default false. */
  batchNorm?: boolean;
  progress?: ProgressMode;
}

export interface TrainLenetResult {
  model: Sequential;
  history: History;
  testLoss: number;
  testAccuracy: number;
  seconds: number;
  /** Held-out digits the model gets wrong: index into the test split, truth, prediction. */
  mistakes: { index: number; truth: number; predicted: number }[];
  testSplit: DigitSplit;
}

/**
 * The recipe of TFJS-NOTES (PyTorch: 98.6%): LeNet-5, Adam (lr 1e-3), batch 64, cosine learning
 * rate, dropout 0.2, random shifts of up to 2 px; trained on a seeded split, evaluated on the
 * held-out digits (also reported per epoch as validation; no model selection is made on them).
 */
export async function trainLenet(options: TrainLenetOptions): Promise<TrainLenetResult> {
  const {
    seed = 2026,
    batchSize = 64,
    learningRate = 1e-3,
    dropout = 0.2,
    augment = true,
    pooling = 'max',
    batchNorm = false,
  } = options;
  const split = loadDigits({ train: options.train, test: options.test, seed });
  const train = toTensors(split.train);
  const test = toTensors(split.test);
  const model = lenet5({ seed, dropout, pooling, batchNorm });
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
      ...(augment ? { augment: createAugmenter({ crop: { padding: 2 } }) } : {}),
      progress: options.progress ?? 'auto',
    });
    const seconds = (performance.now() - started) / 1000;
    const result = await evaluate(model, test, { loss: crossEntropy, metrics: ['accuracy'] });
    const logits = predict(model, test.x);
    const predicted = tf.argMax(logits, -1);
    const guesses = await predicted.data();
    tf.dispose([logits, predicted]);
    const mistakes = Array.from(split.test.labels).flatMap((truth, index) =>
      guesses[index] === truth ? [] : [{ index, truth, predicted: guesses[index] as number }],
    );
    return {
      model,
      history,
      testLoss: result.loss,
      testAccuracy: result.accuracy as number,
      seconds,
      mistakes,
      testSplit: split.test,
    };
  } finally {
    optimizer.dispose();
    tf.dispose([train.x, train.y, test.x, test.y]);
  }
}
