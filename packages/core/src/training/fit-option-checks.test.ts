// fit's option checks with whole messages (each bound at, below and above), and the defaults it
// fills in, observed through what fit does: the epochs run, the batch sizes, the row order.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { fromTensors } from '../data/from-tensors.js';
import { Dense } from '../layers/dense.js';
import type { LossFunction } from '../registry/loss-contract.js';
import type { TrainingCallbacks } from './callbacks.js';
import { evaluate } from './evaluate.js';
import { fit } from './fit.js';
import type { FitOptions } from './fit-options.js';

const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));

/** `rows` rows: x = [i, 1], y = [i]; so a batch's labels say which rows it holds. */
function numbered(rows: number) {
  const x = tf.tidy(() => tf.stack([tf.range(0, rows), tf.ones([rows])], 1));
  const y = tf.tidy(() => tf.reshape(tf.range(0, rows), [rows, 1]));
  return { x, y };
}

/** Runs fit and returns the labels of every batch, epoch by epoch, as the loss saw them. */
async function batchesSeen(data: { x: tf.Tensor; y: tf.Tensor }, options: Omit<FitOptions, 'loss'>) {
  const seen: number[][] = [];
  const loss: LossFunction = (labels, predictions) => {
    seen.push(Array.from(labels.dataSync()));
    return mse(labels, predictions);
  };
  const model = new Dense({ units: 1, seed: 1 });
  const history = await fit(model, data, { loss, progress: 'none', ...options });
  model.dispose();
  return { seen, history };
}

describe('fit options (cpu)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test('defaults: 1 epoch, batches of 32 (the last smaller), rows reshuffled by seed 0', async () => {
    const data = numbered(40);
    const plain = await batchesSeen(data, {});
    expect(plain.history.epochs).toEqual([0]);
    expect(plain.seen.map((b) => b.length)).toEqual([32, 8]);
    const rows = Array.from({ length: 40 }, (_, i) => i);
    expect(plain.seen.flat()).not.toEqual(rows); // shuffled by default
    expect([...plain.seen.flat()].sort((a, b) => a - b)).toEqual(rows);
    expect((await batchesSeen(data, { seed: 0, shuffle: true })).seen).toEqual(plain.seen);
    expect((await batchesSeen(data, { seed: 1 })).seen).not.toEqual(plain.seen);
    const ordered = await batchesSeen(data, { shuffle: false, batchSize: 16, epochs: 2 });
    expect(ordered.history.epochs).toEqual([0, 1]);
    expect(ordered.seen.map((b) => b.length)).toEqual([16, 16, 8, 16, 16, 8]);
    expect(ordered.seen.slice(0, 3).flat()).toEqual(rows);
    tf.dispose([data.x, data.y]);
  });

  test('a negative seed is an integer like any other; non-integers are refused', async () => {
    const data = numbered(6);
    const negative = await batchesSeen(data, { seed: -3, batchSize: 6 });
    expect(negative.seen).toHaveLength(1);
    const model = new Dense({ units: 1 });
    for (const [seed, got] of [
      [0.5, '0.5'],
      ['1', '1'],
      [Number.NaN, 'NaN'],
    ] as const)
      await expect(fit(model, data, { loss: mse, seed: seed as number })).rejects.toThrow(
        `fit: expected seed to be an integer, got ${got}`,
      );
    model.dispose();
    tf.dispose([data.x, data.y]);
  });

  test('missing or malformed options, optimiser, epochs, batchSize, schedule and augment: whole messages', async () => {
    const data = numbered(4);
    const model = new Dense({ units: 1 });
    const before = tf.memory().numTensors;
    await expect(fit(model, data, undefined as never)).rejects.toThrow(
      'fit: expected an options object with at least { loss }',
    );
    await expect(fit(model, data, null as never)).rejects.toThrow('fit: expected options to be an object, got null');
    const refusals: [Partial<FitOptions>, string][] = [
      [{ optimizer: {} as never }, 'fit: expected options.optimizer to be an Optimizer (Sgd, Adam, RmsProp)'],
      [{ epochs: 1.5 }, 'fit: expected epochs to be a positive integer, got 1.5'],
      [{ batchSize: 0 }, 'fit: expected batchSize to be a positive integer, got 0'],
      [{ batchSize: 2.5 }, 'fit: expected batchSize to be a positive integer, got 2.5'],
      [{ validationSplit: 0 }, 'fit: expected validationSplit in (0, 1), got 0'],
      [{ validationSplit: -0.5 }, 'fit: expected validationSplit in (0, 1), got -0.5'],
      [
        { learningRate: 0.1 as never },
        'fit: expected options.learningRate to be a schedule function (stepDecay, cosineDecay, ...)',
      ],
      [{ augment: 'flip' as never }, 'fit: expected options.augment to be a function (x, random) => tensor'],
      [
        { stepsPerEpoch: 1 },
        'fit: expected stepsPerEpoch only with streamed data (with tensors an epoch is ceil(rows / batchSize) batches)',
      ],
      [{ validationSteps: 1 }, 'fit: expected validationSteps only with streamed validationData'],
      [{ validationSteps: 1, validationData: data }, 'fit: expected validationSteps only with streamed validationData'],
    ];
    for (const [options, message] of refusals)
      await expect(fit(model, data, { loss: mse, progress: 'none', ...options })).rejects.toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
    tf.dispose([data.x, data.y]);
  });

  test('streams: stepsPerEpoch and validationSteps must be positive integers', async () => {
    const data = numbered(4);
    const stream = fromTensors(data).batch(2);
    const model = new Dense({ units: 1 });
    await expect(fit(model, stream, { loss: mse, stepsPerEpoch: 0 })).rejects.toThrow(
      'fit: expected stepsPerEpoch to be a positive integer, got 0',
    );
    await expect(fit(model, stream, { loss: mse, validationData: stream, validationSteps: 0 })).rejects.toThrow(
      'fit: expected validationSteps to be a positive integer, got 0',
    );
    await expect(fit(model, stream, { loss: mse, validationData: stream, validationSteps: 1.5 })).rejects.toThrow(
      'fit: expected validationSteps to be a positive integer, got 1.5',
    );
    // A schedule with a stream and stepsPerEpoch trains: totalSteps = epochs x stepsPerEpoch.
    const contexts: number[][] = [];
    await fit(model, stream, {
      loss: mse,
      stepsPerEpoch: 1,
      epochs: 2,
      learningRate: ({ step, stepsPerEpoch, totalSteps }) => {
        contexts.push([step, stepsPerEpoch, totalSteps]);
        return 0.01;
      },
      progress: 'none',
    });
    expect(contexts).toEqual([
      [0, 1, 2],
      [1, 1, 2],
    ]);
    model.dispose();
    tf.dispose([data.x, data.y]);
  });

  test('validationSteps caps each validation pass of a stream: valLoss is that of its first batches', async () => {
    const data = numbered(6);
    const model = new Dense({ units: 1, kernelInitializer: 'zeros', useBias: false });
    const validation = fromTensors(data).batch(2);
    const first = { x: tf.slice(data.x, 0, 2), y: tf.slice(data.y, 0, 2) };
    // Labels 0 and 1 against predictions 0: mean squared error 0.5 for the first batch, 55 / 6 for all six rows.
    const expected = (await evaluate(model, first, { loss: mse })).loss;
    expect(expected).toBeCloseTo(0.5, 6);
    const history = await fit(model, fromTensors(data).batch(6), {
      loss: mse,
      learningRate: () => Number.MIN_VALUE,
      stepsPerEpoch: 1,
      validationData: validation,
      validationSteps: 1,
      progress: 'none',
    });
    expect(history.get('valLoss')).toEqual([expected]);
    const whole = await fit(model, fromTensors(data).batch(6), {
      loss: mse,
      learningRate: () => Number.MIN_VALUE,
      stepsPerEpoch: 1,
      validationData: validation,
      progress: 'none',
    });
    expect(whole.get('valLoss')[0]).toBeCloseTo(55 / 6, 4);
    model.dispose();
    tf.dispose([data.x, data.y, first.x, first.y]);
  });

  test('callbacks: one object or an array, called in order', async () => {
    const data = numbered(4);
    const model = new Dense({ units: 1 });
    const calls: string[] = [];
    const named = (name: string): TrainingCallbacks => ({ onEpochEnd: () => void calls.push(name) });
    await fit(model, data, { loss: mse, epochs: 2, callbacks: named('one'), progress: 'none' });
    expect(calls).toEqual(['one', 'one']);
    calls.length = 0;
    await fit(model, data, { loss: mse, callbacks: [named('a'), named('b')], progress: 'none' });
    expect(calls).toEqual(['a', 'b']);
    model.dispose();
    tf.dispose([data.x, data.y]);
  });

  test('stream-only and tensor-only options: whole messages', async () => {
    const data = numbered(4);
    const stream = fromTensors(data).batch(2);
    const model = new Dense({ units: 1 });
    await expect(fit(model, stream, { loss: mse, batchSize: 2 })).rejects.toThrow(
      'fit: expected batchSize only with { x, y } tensors, got it with a stream (a stream brings its own batches ' +
        '(Dataset.batch))',
    );
    await expect(fit(model, stream[Symbol.asyncIterator](), { loss: mse })).rejects.toThrow(
      'fit: expected stepsPerEpoch with a one-shot iterator or generator object (epochs continue where the previous ' +
        'stopped); or pass a Dataset (fromGenerator(fn)), which each epoch iterates anew',
    );
    await expect(fit(model, stream, { loss: mse, learningRate: () => 0.1 })).rejects.toThrow(
      'fit: expected stepsPerEpoch with a learningRate schedule and a stream (schedules read stepsPerEpoch and ' +
        'totalSteps)',
    );
    await expect(
      fit(model, stream, { loss: mse, validationData: stream[Symbol.asyncIterator]() as never }),
    ).rejects.toThrow('fit: expected validationSteps with a one-shot validationData iterator');
    // With validationSteps, a one-shot validation iterator is accepted; with a re-iterable one, none is needed.
    const once = await fit(model, stream, {
      loss: mse,
      validationData: stream[Symbol.asyncIterator]() as never,
      validationSteps: 1,
      progress: 'none',
    });
    expect(once.get('valLoss')).toHaveLength(1);
    model.dispose();
    tf.dispose([data.x, data.y]);
  });
});
