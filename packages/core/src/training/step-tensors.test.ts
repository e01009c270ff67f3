// fit's onStep hook: what it shows (raw gradients before decay and clipping, predictions, labels,
// loss, before the update) and that it costs nothing when no callback asks for it.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Sequential } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import type { TrainingCallbacks } from './callbacks.js';
import { fit } from './fit.js';
import { outputLossesFor } from './train-step.js';
import { computeStep, disposeStep } from './step-computation.js';
import type { StepTensors } from './step-tensors.js';

const crossEntropy: LossFunction = (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;

const model = () =>
  new Sequential({
    seed: 5,
    layers: [new Dense({ name: 'a', units: 4, activation: 'tanh' }), new Dense({ name: 'b', units: 2 })],
  });

function data() {
  const x = tf.tensor2d([0.5, -1, 2, 1, 0.25, -0.5, 0, 1, 1, -2, 0.5, 0.5], [4, 3]);
  const y = tf.tensor2d([1, 0, 0, 1, 1, 0, 0, 1], [4, 2]);
  return { x, y };
}

const options = { loss: crossEntropy, batchSize: 2, shuffle: false, progress: 'none' as const };

describeEachBackend('fit onStep', () => {
  test('shows raw gradients (before decay and clipping), predictions, labels and loss, before the update', async () => {
    const net = model();
    const { x, y } = data();
    const optimizer = new Sgd({ learningRate: 0.5 });
    const seen: { epoch: number; batch: number; step: number; names: string[] }[] = [];
    const pairs: [tf.Tensor, tf.Tensor][] = []; // [shown, reference], compared after training
    let shown: StepTensors | undefined;
    try {
      const hook: TrainingCallbacks = {
        onStep(step) {
          shown = step;
          seen.push({ ...step, names: step.gradients.map((g) => `${g.weight.layer.name}/${g.weight.name}`) });
          const rows = step.batch * 2;
          const [xb, yb] = [tf.slice(x, rows, 2), tf.slice(y, rows, 2)];
          // The reference, on the weights as they are now: the update has not been applied yet.
          const variables = step.gradients.map((g) => g.weight.variable);
          const loss = () => crossEntropy(yb, net.apply(xb, { training: true }));
          const { value, grads } = tf.variableGrads(loss, variables);
          for (const g of step.gradients)
            pairs.push([tf.clone(g.gradient), grads[g.weight.variable.name] as tf.Tensor]);
          pairs.push([tf.clone(step.loss), value]);
          pairs.push([tf.clone(step.predictions[0] as tf.Tensor), net.apply(xb, { training: true })]);
          pairs.push([tf.clone(step.labels[0] as tf.Tensor), yb]);
          xb.dispose();
        },
      };
      const clipped = { clipNorm: 1e-3, weightDecay: 0.5 };
      await fit(net, { x, y }, { ...options, ...clipped, optimizer, epochs: 2, callbacks: [hook] });
      for (const [a, b] of pairs) await expectTensorsClose(a, b);
      // Far above clipNorm: the raw gradient, not the clipped one.
      const first = pairs.slice(0, 4).map(([g]) => g);
      const norm = tf.tidy(() => tf.sqrt(tf.addN(first.map((g) => tf.sum(tf.square(g))))));
      expect((await norm.data())[0]).toBeGreaterThan(0.01);
      norm.dispose();
      expect(seen.map((s) => [s.epoch, s.batch, s.step])).toEqual([
        [0, 0, 0],
        [0, 1, 1],
        [1, 0, 2],
        [1, 1, 3],
      ]);
      expect(seen[0]?.names).toEqual(['a/kernel', 'a/bias', 'b/kernel', 'b/bias']);
      // Valid only during the call: fit freed them after.
      expect(shown?.gradients.every((g) => g.gradient.isDisposed)).toBe(true);
      expect(shown?.predictions.every((p) => p.isDisposed)).toBe(true);
    } finally {
      tf.dispose([x, y, ...pairs.flat()]);
      net.dispose();
      optimizer.dispose();
    }
  });

  test('without an onStep callback nothing is kept: same tensors, same training, same weights', async () => {
    const trained = async (callbacks: TrainingCallbacks[]) => {
      const net = model();
      const { x, y } = data();
      try {
        const before = tf.memory().numTensors;
        const history = await fit(net, { x, y }, { ...options, epochs: 3, weightDecay: 0.1, clipNorm: 0.5, callbacks });
        expect(tf.memory().numTensors - before).toBe(net.weights().length);
        return { loss: history.get('loss'), weights: await Promise.all(net.weights().map((w) => w.read().data())) };
      } finally {
        tf.dispose([x, y]);
        net.dispose();
      }
    };
    const plain = await trained([{ onEpochEnd: () => undefined }]);
    const watched = await trained([{ onStep: () => undefined }]);
    expect(watched).toEqual(plain);
  });

  test('computeStep keeps raw gradients and predictions only when asked (keepRaw)', () => {
    const net = model();
    const { x, y } = data();
    net.ensureBuilt(x.shape);
    const weights = net.trainableWeights();
    const plan = outputLossesFor('test', net, { loss: crossEntropy });
    const settings = { plan, weightDecay: 0.1, clipNorm: 0.5, sumGradients: false };
    try {
      const count = (keepRaw: boolean) => {
        const before = tf.memory().numTensors;
        const step = computeStep(net, weights, [x], [y], { ...settings, keepRaw });
        const made = tf.memory().numTensors - before;
        const raw = step.raw;
        disposeStep(step);
        expect(tf.memory().numTensors).toBe(before);
        return { made, raw };
      };
      const plain = count(false);
      const kept = count(true);
      expect(plain.raw).toBeUndefined();
      // Decayed and clipped, every update is a new tensor: the 4 raw gradients and 1 prediction are extra.
      expect(kept.made - plain.made).toBe(5);
      expect(kept.raw?.gradients.map((g) => g.weight)).toEqual(weights);
    } finally {
      tf.dispose([x, y]);
      net.dispose();
    }
  });
});
