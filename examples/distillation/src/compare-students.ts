import * as tf from '@tensorflow/tfjs-core';
import { Adam, Dense, Flatten, Reshape, Sequential, cosineDecay, fit, type Layer } from '@baihua/core';
import { AvgPool2D } from '@baihua/cnn';
import { softmaxCrossEntropy } from '@baihua/losses';
import { classifierAccuracy, distill, type LabelledImages } from '@baihua/apps/distill';

/**
 * The student: an MLP on 2x2-averaged digits, [N, 784] -> 14x14 (fixed average pooling, no
 * weights) -> `hidden` ReLU units -> 10 logits. hidden 24: 196*24 + 24 + 24*10 + 10 = 4,978
 * parameters, under a tenth of LeNet-5's 61,706.
 */
export function buildStudent(hidden: number, seed: number): Sequential {
  return new Sequential({
    name: `mlp_196_${hidden}_10`,
    seed,
    layers: [
      new Reshape({ targetShape: [28, 28, 1], name: 'digit' }),
      new AvgPool2D({ poolSize: 2, name: 'average_2x2' }),
      new Flatten({ name: 'flat' }),
      new Dense({ units: hidden, activation: 'relu', kernelInitializer: 'heNormal', name: 'hidden' }),
      new Dense({ units: 10, name: 'logits' }),
    ],
  });
}

/** LeNet-5 as a function of flat digits: x [N, 784] -> reshape [N, 28, 28, 1] -> pad 2 -> logits [N, 10]. */
export function lenetOnFlatDigits(lenet: Layer): (x: tf.Tensor) => tf.Tensor {
  return (x) =>
    tf.tidy(() => {
      const images = tf.reshape(x, [x.shape[0] as number, 28, 28, 1]);
      return lenet.apply(
        tf.pad(images, [
          [0, 0],
          [2, 2],
          [2, 2],
          [0, 0],
        ]),
      );
    });
}

/** Options of {@link compareStudents}. */
export interface CompareOptions {
  /** LeNet-5 (input [N, 32, 32, 1]). */
  teacher: Layer;
  /** Flat digits x [N, 784], one-hot y [N, 10]. */
  train: LabelledImages;
  test: LabelledImages;
  hidden: number;
  epochs: number;
  temperature: number;
  alpha: number;
  seed: number;
  batchSize: number;
  learningRate: number;
}

/**
 * Trains two students from the same initial weights, for the same epochs, with the same batch
 * order (Adam, cosine learning rate): one on the labels alone (core's fit, softmax cross-entropy),
 * one distilled from the teacher. Returns their test accuracies, their test accuracy after every
 * epoch, and the trained students (the caller disposes them).
 */
export async function compareStudents(options: CompareOptions) {
  const { hidden, epochs, seed, batchSize, learningRate, test } = options;
  const alone = buildStudent(hidden, seed);
  const optimizer = new Adam({ learningRate });
  const training = { epochs, batchSize, seed, learningRate: cosineDecay(), progress: 'none' as const };
  let aloneCurve: number[];
  try {
    const history = await fit(alone, options.train, {
      loss: softmaxCrossEntropy,
      optimizer,
      metrics: ['accuracy'],
      validationData: test,
      ...training,
    });
    aloneCurve = history.get('valAccuracy');
  } finally {
    optimizer.dispose();
  }
  const distilled = buildStudent(hidden, seed);
  const { history } = await distill({
    teacher: lenetOnFlatDigits(options.teacher),
    student: distilled,
    data: options.train,
    temperature: options.temperature,
    alpha: options.alpha,
    epochs,
    batchSize,
    learningRate,
    schedule: cosineDecay(),
    seed,
    validationData: test,
  });
  const accuracy = (model: Layer) => classifierAccuracy('compareStudents', (x) => model.apply(x), test);
  return {
    alone,
    distilled,
    aloneAccuracy: await accuracy(alone),
    distilledAccuracy: await accuracy(distilled),
    aloneCurve,
    distilledCurve: history.get('valAccuracy'),
  };
}
