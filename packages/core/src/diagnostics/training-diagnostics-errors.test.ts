// trainingDiagnostics' bad input (clear errors before training, nothing leaked) and its own failures
// (reported once through onWarning; the training it watches goes on and ends as it would without it).
import * as tf from '@tensorflow/tfjs-core';
import { expect, test, vi } from 'vitest';
import { ArgumentError } from '../errors/argument-error.js';
import { Dense, Sequential } from '../layers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { fit } from '../training/fit.js';
import { IntervalAccumulator } from './interval-accumulator.js';
import { trainingDiagnostics } from './training-diagnostics.js';

const crossEntropy: LossFunction = (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;

const model = (name: string) =>
  new Sequential({
    name,
    seed: 4,
    layers: [
      new Dense({ name: `${name}_hidden`, units: 4, activation: 'relu' }),
      new Dense({ name: `${name}_out`, units: 2 }),
    ],
  });

function data() {
  const x = tf.tensor2d([0.5, -1, 2, 1, 0.25, -0.5, 0, 1, 1, -2, 0.5, 0.5], [4, 3]);
  const y = tf.tensor2d([1, 0, 0, 1, 1, 0, 0, 1], [4, 2]);
  return { x, y };
}

const options = { loss: crossEntropy, batchSize: 2, epochs: 2, shuffle: false, progress: 'none' as const };

test('refuses bad options with messages that name them', () => {
  expect(() => trainingDiagnostics({ every: 0 })).toThrow(
    'trainingDiagnostics: expected every to be a positive integer, got 0',
  );
  expect(() => trainingDiagnostics({ every: 2.5 })).toThrow(ArgumentError);
  expect(() => trainingDiagnostics({ evry: 2 } as never)).toThrow(
    "unknown key 'evry' in options (did you mean 'every'?",
  );
  expect(() => trainingDiagnostics({ layers: 'dense_1' as never })).toThrow('expected layers to be an array');
  expect(() => trainingDiagnostics({ snapshot: { layer: 'a', epochs: [-1] } })).toThrow('snapshot.epochs');
  expect(() => trainingDiagnostics({ snapshot: { layer: 'a', epochs: [0], wieght: 'w' } as never })).toThrow(
    "unknown key 'wieght' in snapshot",
  );
  expect(() => trainingDiagnostics({ onWarning: 'log' as never })).toThrow('expected onWarning to be a function');
});

describeEachBackend('trainingDiagnostics errors', () => {
  test('a layer the model does not have, or a record of another model: fit refuses before training', async () => {
    const [a, b] = [model('a'), model('b')];
    const { x, y } = data();
    try {
      const before = tf.memory().numTensors;
      await expect(
        fit(a, { x, y }, { ...options, callbacks: [trainingDiagnostics({ layers: ['nope'] })] }),
      ).rejects.toThrow(
        "trainingDiagnostics: expected layers to name layers of model 'a' (has: a, a_hidden, a_out), got 'nope'",
      );
      const snapshot = trainingDiagnostics({ snapshot: { layer: 'a_out', weight: 'gamma', epochs: [0] } });
      a.ensureBuilt(x.shape);
      const built = tf.memory().numTensors;
      await expect(fit(a, { x, y }, { ...options, callbacks: [snapshot] })).rejects.toThrow(
        "expected snapshot.weight to name a weight of layer 'a_out' (has: kernel, bias), got 'gamma'",
      );
      expect(tf.memory().numTensors).toBe(built);
      const diagnostics = trainingDiagnostics({ every: 1 });
      await fit(a, { x, y }, { ...options, callbacks: [diagnostics] });
      const recorded = diagnostics.record();
      b.ensureBuilt(x.shape); // fit builds the model before the callbacks' onTrainBegin
      const atB = tf.memory().numTensors;
      await expect(fit(b, { x, y }, { ...options, callbacks: [diagnostics] })).rejects.toThrow(
        "trainingDiagnostics: expected the model this record is of ('a'), got model 'b'",
      );
      expect(tf.memory().numTensors).toBe(atB);
      expect(diagnostics.record()).toEqual(recorded);
      expect(before).toBeLessThan(built);
      // The same model again: the record goes on (epochs counted on).
      await fit(a, { x, y }, { ...options, callbacks: [diagnostics] });
      expect(diagnostics.record().epochs.map((e) => e.epoch)).toEqual([0, 1, 2, 3]);
      expect(diagnostics.record().intervals).toHaveLength(8);
    } finally {
      tf.dispose([x, y]);
      a.dispose();
      b.dispose();
    }
  });

  test('its own failure is reported once; training goes on and ends as without it; nothing leaked', async () => {
    const train = async (withDiagnostics: boolean) => {
      const net = model('net');
      const { x, y } = data();
      const warnings: string[] = [];
      const diagnostics = trainingDiagnostics({ every: 1, onWarning: (message) => void warnings.push(message) });
      let calls = 0;
      const original = IntervalAccumulator.prototype.addStep;
      const spy = vi.spyOn(IntervalAccumulator.prototype, 'addStep').mockImplementation(function (
        this: IntervalAccumulator,
        ...args
      ) {
        if (++calls >= 3) throw new Error('device lost');
        original.apply(this, args);
      });
      try {
        const before = tf.memory().numTensors;
        const history = await fit(
          net,
          { x, y },
          { ...options, epochs: 3, callbacks: withDiagnostics ? [diagnostics] : [] },
        );
        expect(tf.memory().numTensors - before).toBe(net.weights().length);
        const weights = await Promise.all(net.weights().map((w) => w.read().data()));
        return { loss: history.get('loss'), weights, warnings, intervals: diagnostics.record().intervals.length };
      } finally {
        spy.mockRestore();
        tf.dispose([x, y]);
        net.dispose();
      }
    };
    const plain = await train(false);
    const watched = await train(true);
    expect(watched.warnings).toEqual([
      'trainingDiagnostics: recording stopped after an error (training goes on): device lost',
    ]);
    expect(watched.intervals).toBe(2);
    expect(watched.loss).toEqual(plain.loss);
    expect(watched.weights).toEqual(plain.weights);
  });

  test('a failure while it sets up its watch (a layer whose activation cannot be read) only warns', async () => {
    const net = model('odd');
    const hidden = net.layers[0] as Dense;
    Object.defineProperty(hidden, 'activation', {
      get: () => {
        throw new Error('no activation here');
      },
    });
    const { x, y } = data();
    const warnings: string[] = [];
    const diagnostics = trainingDiagnostics({ every: 1, onWarning: (message) => void warnings.push(message) });
    const history = await fit(net, { x, y }, { ...options, callbacks: [diagnostics] });
    expect(history.get('loss')).toHaveLength(2);
    expect(warnings).toEqual([
      'trainingDiagnostics: recording stopped after an error (training goes on): no activation here',
    ]);
    tf.dispose([x, y]);
    net.dispose();
  });

  test('after a fit that threw, dispose() frees what it held and removes its observers', async () => {
    const net = model('nan');
    const { x, y } = data();
    const bad = tf.tensor2d([Number.NaN, 0, 0, 1, 1, 0, 0, 1], [4, 2]);
    const diagnostics = trainingDiagnostics({ every: 5 });
    try {
      net.ensureBuilt(x.shape);
      const before = tf.memory().numTensors;
      await expect(fit(net, { x, y: bad }, { ...options, callbacks: [diagnostics] })).rejects.toThrow(
        'expected a finite loss',
      );
      expect(net.children()[0]?.outputObserver).toBeDefined();
      diagnostics.dispose();
      expect(net.children()[0]?.outputObserver).toBeUndefined();
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      tf.dispose([x, y, bad]);
      net.dispose();
    }
  });
});
