// Survivors of the training-step part's last batch: a loss that fails on a later batch (the device
// sums of the earlier ones freed), one tensor for two named outputs, dropout active in a training
// step, a failed measurement reporting its own error, and a function posing as a model.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Dropout, Sequential } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { evaluate } from './evaluate.js';
import { arrangeTensors } from './model-tensors.js';
import { predict } from './predict.js';
import { computeStep, disposeStep } from './step-computation.js';
import { outputLossesFor, trainStep } from './train-step.js';

const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));

describeEachBackend('training-step leftovers', () => {
  test('evaluate: a loss failing on the second batch leaves nothing, from tensors and from a stream', async () => {
    const model = new Sequential({ layers: [new Dense({ units: 1, seed: 1 })] });
    const [x, y] = [tf.ones([6, 2]), tf.zeros([6, 1])];
    model.ensureBuilt([1, 2]);
    let calls = 0;
    const secondFails: LossFunction = (labels, predictions) => {
      if (++calls % 2 === 0) throw new Error('second batch refused');
      return mse(labels, predictions);
    };
    try {
      const before = tf.memory().numTensors;
      await expect(evaluate(model, { x, y }, { loss: secondFails, batchSize: 3 })).rejects.toThrow(
        'second batch refused',
      );
      const halves = [0, 3].map((start) => ({ x: tf.slice(x, start, 3), y: tf.slice(y, start, 3) }));
      const during = tf.memory().numTensors;
      await expect(evaluate(model, halves, { loss: secondFails })).rejects.toThrow('second batch refused');
      expect(tf.memory().numTensors).toBe(during);
      tf.dispose(halves.flatMap((h) => [h.x, h.y]));
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      tf.dispose([x, y]);
      model.dispose();
    }
  });

  test('one tensor for a model with two named outputs is refused', () => {
    const t = tf.zeros([2, 1]);
    try {
      expect(() => arrangeTensors('fit', 'data.y', t, { names: ['a', 'b'], list: false, what: 'outputs' })).toThrow(
        "fit: expected data.y to be an array of 2 tensors (a, b) or a record { a, b } (the model's outputs), " +
          'got one tensor',
      );
    } finally {
      t.dispose();
    }
  });

  test('computeStep runs the model in training mode: dropout zeroes some outputs, scales the rest by 2', async () => {
    const model = new Sequential({
      layers: [
        new Dense({ units: 8, kernelInitializer: 'ones', biasInitializer: 'ones' }),
        new Dropout({ rate: 0.5, seed: 4 }),
      ],
    });
    const [x, y] = [tf.ones([4, 2]), tf.zeros([4, 8])];
    model.ensureBuilt([4, 2]);
    const settings = { plan: outputLossesFor('test', model, { loss: mse }), weightDecay: 0, sumGradients: false };
    const step = computeStep(model, model.trainableWeights(), [x], [y], { ...settings, keepRaw: true });
    try {
      // Without dropout every output is 1 + 1 + 1 = 3; with it, 0 or 6.
      const values = Array.from(await ((step.raw as NonNullable<typeof step.raw>).predictions[0] as tf.Tensor).data());
      expect(values.every((v) => v === 0 || Math.abs(v - 6) < 1e-5)).toBe(true);
      expect(values.filter((v) => v === 0).length).toBeGreaterThan(0);
      expect(values.filter((v) => v !== 0).length).toBeGreaterThan(0);
    } finally {
      disposeStep(step);
      tf.dispose([x, y]);
      model.dispose();
    }
  });

  test("a measurement failing after the gradients reports tfjs's own error, also without a gradient sum", () => {
    const model = new Sequential({ layers: [new Dense({ units: 1, seed: 2 })] });
    const ignoresLabels: LossFunction = Object.assign(
      (_: tf.Tensor, p: tf.Tensor) => tf.mean(tf.square(p)) as tf.Scalar,
      {
        accuracyKind: 'categorical' as const,
      },
    );
    const [x, y] = [tf.ones([3, 2]), tf.zeros([3, 2, 2])];
    model.ensureBuilt([3, 2]);
    const settings = { plan: outputLossesFor('test', model, { loss: ignoresLabels }), weightDecay: 0 };
    try {
      for (const sumGradients of [false, true]) {
        let thrown: unknown;
        try {
          computeStep(model, model.trainableWeights(), [x], [y], { ...settings, sumGradients });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).not.toBeInstanceOf(TypeError);
        expect(String(thrown)).toMatch(/broadcast/i);
      }
    } finally {
      tf.dispose([x, y]);
      model.dispose();
    }
  });

  test('a function carrying an applyMulti method is not a model', async () => {
    const impostor = Object.assign(() => undefined, { applyMulti: () => [] });
    const [x, y] = [tf.ones([2, 2]), tf.zeros([2, 1])];
    const optimizer = new Sgd();
    try {
      expect(() => predict(impostor as never, x)).toThrow('predict: expected model to be a Layer, got function');
      await expect(trainStep(impostor as never, { x, y }, { loss: mse, optimizer })).rejects.toThrow(
        'trainStep: expected model to be a Layer, got function',
      );
    } finally {
      tf.dispose([x, y]);
      optimizer.dispose();
    }
  });
});
