import * as tf from '@tensorflow/tfjs-core';
import { Dense, Sequential, Sgd, createRandom } from '@baihua/core';
import { meanSquaredError } from '@baihua/losses';
import { LSTM } from '@baihua/rnn';
import type { TrainingCase, TrainingSetup } from './training-case.js';

const steps = 20;
const gain = 3;

/** Sequences [n, steps, 1] of seeded normal noise; the target is the mean of the first five inputs. */
function sequences(n: number, seed: number): { x: tf.Tensor; y: tf.Tensor } {
  const random = createRandom(seed);
  const values = new Float32Array(n * steps);
  const targets = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < steps; t++) values[i * steps + t] = random.normal();
    for (let t = 0; t < 5; t++) targets[i] = (targets[i] as number) + (values[i * steps + t] as number) / 5;
  }
  return { x: tf.tensor3d(values, [n, steps, 1]), y: tf.tensor2d(targets, [n, 1]) };
}

function setup(clipNorm: number | undefined, label: string): TrainingSetup {
  const train = sequences(192, 13);
  const model = new Sequential({
    name: 'rnn',
    seed: 13,
    layers: [
      new LSTM({ units: 32, recurrentInitializer: { name: 'orthogonal', gain }, name: 'lstm' }),
      new Dense({ units: 1, name: 'output' }),
    ],
  });
  const optimizer = new Sgd({ learningRate: 0.5 });
  return {
    label,
    model,
    train,
    options: {
      loss: (labels, predictions) => meanSquaredError(labels, predictions),
      optimizer,
      epochs: 6,
      batchSize: 32,
      seed: 13,
      stopOnNonFinite: false,
      ...(clipNorm === undefined ? {} : { clipNorm }),
    },
    dispose: () => {
      tf.dispose([train.x, train.y]);
      optimizer.dispose();
      model.dispose();
    },
  };
}

/**
 * The seed's 梯度爆炸 (exploding gradients, "the loss suddenly turns NaN"): an LSTM whose recurrent
 * matrix starts orthogonal with gain 3 (every direction stretched 3x per step), over 20 steps, trained
 * by plain SGD (lr 0.5) without a limit: one large step feeds the next, the loss passes 1e30 and
 * turns NaN. The seed's cure: gradient clipping (clipNorm 1); the same start then trains.
 */
export const explodingCase: TrainingCase = {
  name: 'exploding',
  pitfall: 'exploding-gradients',
  every: 4,
  failure: () => setup(undefined, `LSTM, recurrent gain ${gain}, SGD lr 0.5, no clipping`),
  cure: () => setup(1, `LSTM, recurrent gain ${gain}, SGD lr 0.5, clipNorm 1`),
};
