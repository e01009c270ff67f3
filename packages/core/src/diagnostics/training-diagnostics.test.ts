// trainingDiagnostics' figures against an independent computation (tf.variableGrads on the same
// batch, the hidden layer's outputs, the weights before and after), its one device read per
// interval, and its memory: flat across epochs, nothing left after training but fit's weights.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test, vi } from 'vitest';
import { Dense, Sequential } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import type { TrainingCallbacks } from '../training/callbacks.js';
import { fit } from '../training/fit.js';
import type { IntervalFigures } from './diagnostics-record.js';
import { trainingDiagnostics } from './training-diagnostics.js';

const crossEntropy: LossFunction = (labels: tf.Tensor, logits: tf.Tensor) =>
  tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
crossEntropy.accuracyKind = 'categorical';

/** 16 rows of 3 features, 3 classes (one-hot), fixed values. */
function data() {
  const x = tf.tidy(() => tf.mul(tf.sin(tf.reshape(tf.range(0, 48), [16, 3])), 2));
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 0, 0, 1, 2, 0, 0, 1, 2, 0, 0, 0, 1, 2], 'int32'), 3));
  return { x, y };
}

/** A ReLU layer whose negative biases leave some units dead, then a linear output. */
function model() {
  const hidden = new Dense({ name: 'hidden', units: 8, activation: 'relu', biasInitializer: 'ones' });
  const out = new Dense({ name: 'out', units: 3 });
  return { net: new Sequential({ seed: 3, layers: [hidden, out] }), hidden, out };
}

const norm = (ts: readonly tf.Tensor[]) => tf.tidy(() => tf.sqrt(tf.addN(ts.map((t) => tf.sum(tf.square(t))))));
const read = async (t: tf.Tensor) => {
  const value = (await t.data())[0] as number;
  t.dispose();
  return value;
};

const fitOptions = { loss: crossEntropy, shuffle: false, stopOnNonFinite: false, progress: 'none' as const };

describeEachBackend('trainingDiagnostics', () => {
  test('figures match tf.variableGrads, the hidden outputs and the weights before and after each step', async () => {
    const { x, y } = data();
    const { net, hidden, out } = model();
    net.ensureBuilt(x.shape);
    // Biases -9 on three units: those never fire on this data, the others do.
    const biases = tf.tensor1d([-9, 0, -9, 0, 0, -9, 0, 0]);
    hidden.weight('bias').assign(biases);
    biases.dispose();
    const optimizer = new Sgd({ learningRate: 0.2 });
    /** Each layer's trainable weights as one vector. */
    const flatWeights = () =>
      [hidden, out].map((layer) =>
        tf.tidy(() => tf.concat(layer.trainableWeights().map((w) => tf.reshape(w.variable, [-1])))),
      );
    const expected: IntervalFigures[] = [];
    let start: tf.Tensor[] = [];
    const reference: TrainingCallbacks = {
      async onEpochBegin() {
        const weights = net.trainableWeights();
        const { value, grads } = tf.variableGrads(
          () => crossEntropy(y, net.apply(x, { training: true })),
          weights.map((w) => w.variable),
        );
        const g = (layer: string) => weights.filter((w) => w.layer.name === layer).map((w) => grads[w.variable.name]!);
        const output = hidden.apply(x);
        const fired = tf.tidy(() => tf.sum(tf.cast(tf.any(tf.greater(output, 0), 0), 'float32')));
        const [predicted, labels] = tf.tidy(() => {
          const logits = net.apply(x);
          return [tf.sum(tf.oneHot(tf.argMax(logits, 1), 3), 0), tf.sum(y, 0)];
        });
        expected.push({
          loss: await read(value),
          gradientNorm: await read(norm(Object.values(grads))),
          layerGradientNorms: { hidden: await read(norm(g('hidden'))), out: await read(norm(g('out'))) },
          deadUnitFractions: { hidden: 1 - (await read(fired)) / 8 },
          predictedClasses: Array.from(await predicted.data()),
          labelClasses: Array.from(await labels.data()),
        } as unknown as IntervalFigures);
        tf.dispose([output, predicted, labels, ...Object.values(grads)]);
        start = flatWeights();
      },
      async onEpochEnd(epoch) {
        const figures = expected[epoch] as IntervalFigures;
        const end = flatWeights();
        const names = ['hidden', 'out'];
        figures.layerWeightNorms = {};
        figures.layerUpdateRatios = {};
        for (const [i, name] of names.entries()) {
          const [e, s] = [end[i] as tf.Tensor, start[i] as tf.Tensor];
          figures.layerWeightNorms[name] = await read(norm([e]));
          const change = tf.sub(e, s);
          figures.layerUpdateRatios[name] = (await read(norm([change]))) / (await read(norm([s])));
          change.dispose();
        }
        tf.dispose([...start, ...end]);
      },
    };
    try {
      const diagnostics = trainingDiagnostics({ every: 1 });
      const before = tf.memory().numTensors;
      await fit(
        net,
        { x, y },
        { ...fitOptions, optimizer, epochs: 3, batchSize: 16, callbacks: [reference, diagnostics] },
      );
      expect(tf.memory().numTensors).toBe(before);
      const intervals = diagnostics.record().intervals;
      expect(intervals).toHaveLength(3);
      const dead = expected[0]?.deadUnitFractions.hidden as number;
      expect(dead).toBeGreaterThan(0);
      expect(dead).toBeLessThan(1);
      for (const [i, want] of expected.entries()) {
        const got = intervals[i] as IntervalFigures;
        expect(got).toMatchObject({ epoch: i, step: i, steps: 1, nonFiniteSteps: 0 });
        expect(got.gradientNorm).toBe(got.maxGradientNorm);
        const close = (a: number, b: number) =>
          expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(b)));
        close(got.loss, want.loss);
        close(got.gradientNorm, want.gradientNorm);
        for (const name of ['hidden', 'out']) {
          close(got.layerGradientNorms[name] as number, want.layerGradientNorms[name] as number);
          close(got.layerWeightNorms[name] as number, want.layerWeightNorms[name] as number);
          close(got.layerUpdateRatios[name] as number, want.layerUpdateRatios[name] as number);
        }
        expect(got.deadUnitFractions).toEqual(want.deadUnitFractions);
        expect(got.labelClasses).toEqual(want.labelClasses);
        expect(got.predictedClasses).toEqual(want.predictedClasses);
      }
    } finally {
      tf.dispose([x, y, ...start]);
      net.dispose();
      optimizer.dispose();
    }
  });

  test('reads the device once per interval; tensors flat across epochs; nothing left after training', async () => {
    const reads = vi.fn();
    const spies = (['data', 'dataSync', 'array', 'arraySync'] as const).map((name) => {
      const original = tf.Tensor.prototype[name];
      return vi.spyOn(tf.Tensor.prototype, name).mockImplementation(function (this: tf.Tensor, ...args: []) {
        reads();
        return (original as (...a: []) => unknown).apply(this, args) as never;
      });
    });
    const train = async (withDiagnostics: boolean) => {
      const { x, y } = data();
      const { net } = model();
      const diagnostics = trainingDiagnostics({ every: 2 });
      const atEpochEnd: number[] = [];
      const counter: TrainingCallbacks = { onEpochEnd: () => void atEpochEnd.push(tf.memory().numTensors) };
      try {
        const callbacks = withDiagnostics ? [diagnostics, counter] : [counter];
        reads.mockClear();
        const before = tf.memory().numTensors;
        await fit(net, { x, y }, { ...fitOptions, epochs: 4, batchSize: 4, callbacks });
        expect(tf.memory().numTensors - before).toBe(net.weights().length);
        return { reads: reads.mock.calls.length, atEpochEnd, intervals: diagnostics.record().intervals.length };
      } finally {
        tf.dispose([x, y]);
        net.dispose();
      }
    };
    try {
      const plain = await train(false);
      const watched = await train(true);
      expect(watched.intervals).toBe(8); // 4 steps per epoch, 4 epochs, 2 steps per interval
      expect(watched.reads - plain.reads).toBe(8);
      expect(new Set(watched.atEpochEnd.slice(1)).size).toBe(1);
      expect(watched.atEpochEnd[0]).toBe(watched.atEpochEnd[1]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
