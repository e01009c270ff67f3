import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { fromGenerator } from '../data/from-generator.js';
import { fromTensors } from '../data/from-tensors.js';
import { Dense, Sequential } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import type { TrainingCallbacks } from './callbacks.js';
import { evaluate } from './evaluate.js';
import { fit } from './fit.js';
import { exponentialDecay } from './learning-rate-schedules.js';

const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));

/** 40 rows: x [40, 3] and a linear target y [40, 1]. */
function regressionData() {
  return tf.tidy(() => {
    const x = tf.div(tf.reshape(tf.range(0, 120), [40, 3]), 120);
    const y = tf.matMul(x, tf.tensor2d([[1], [-2], [0.5]]));
    return { x, y };
  });
}

function model(seed: number) {
  return new Sequential({ seed, layers: [new Dense({ units: 4, activation: 'tanh' }), new Dense({ units: 1 })] });
}

/** The batches of rows [8i, 8i + 8) as new tensors (the generator's own), made one at a time. */
function* slices(x: tf.Tensor, y: tf.Tensor, count = 5) {
  for (let i = 0; i < count; i++) yield { x: tf.slice(x, 8 * i, 8), y: tf.slice(y, 8 * i, 8) };
}

async function weightsOf(net: Sequential): Promise<tf.Tensor[]> {
  return net.getWeights();
}

describeEachBackend('fit from streams', () => {
  test('a generator, a Dataset of rows and an array of batches train as the same tensors unshuffled', async () => {
    const { x, y } = regressionData();
    const options = { loss: mse, epochs: 3, progress: 'none' as const };
    const reference = model(5);
    const before = tf.memory().numTensors;
    const history = await fit(
      reference,
      { x, y },
      { ...options, optimizer: new Sgd({ learningRate: 0.1 }), batchSize: 8, shuffle: false },
    );
    expect(tf.memory().numTensors - before).toBe(reference.weights().length);
    const expected = await weightsOf(reference);
    const array = [...slices(x, y)];
    const streams = [fromGenerator(() => slices(x, y)), fromTensors({ x, y }).batch(8).prefetch(2), array];
    for (const stream of streams) {
      const net = model(5);
      const start = tf.memory().numTensors;
      const streamed = await fit(net, stream, { ...options, optimizer: new Sgd({ learningRate: 0.1 }) });
      expect(tf.memory().numTensors - start).toBe(net.weights().length);
      expect(streamed.get('loss')).toEqual(history.get('loss').map((v) => expect.closeTo(v, 6)));
      const got = await weightsOf(net);
      for (const [i, w] of got.entries())
        await expectTensorsClose(w, expected[i] as tf.Tensor, { rtol: 1e-6, atol: 1e-7 });
      tf.dispose(got);
      net.dispose();
    }
    // Batches from an array stay the caller's: fit read them three times and disposed none.
    expect(array.every((b) => !b.x.isDisposed && !b.y.isDisposed)).toBe(true);
    tf.dispose([x, y, ...expected, ...array.flatMap((b) => [b.x, b.y])]);
    reference.dispose();
  });

  test('a one-shot iterator continues across epochs, stepsPerEpoch at a time, and must not run out', async () => {
    const { x, y } = regressionData();
    const optimizer = () => new Sgd({ learningRate: 0.1 });
    const once = model(6);
    await fit(
      once,
      fromGenerator(() => slices(x, y, 4)),
      { loss: mse, optimizer: optimizer(), progress: 'none' },
    );
    const expected = await weightsOf(once);
    const net = model(6);
    net.ensureBuilt([1, 3]);
    const iterator = slices(x, y, 5);
    const before = tf.memory().numTensors;
    const history = await fit(net, iterator, {
      loss: mse,
      optimizer: optimizer(),
      epochs: 2,
      stepsPerEpoch: 2,
      progress: 'none',
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(history.epochs).toEqual([0, 1]);
    const got = await weightsOf(net);
    for (const [i, w] of got.entries())
      await expectTensorsClose(w, expected[i] as tf.Tensor, { rtol: 1e-6, atol: 1e-7 });
    tf.dispose(got);
    // The fifth batch is still there for whoever holds the iterator; a further fit of two epochs runs out.
    await expect(fit(net, iterator, { loss: mse, epochs: 2, stepsPerEpoch: 1, progress: 'none' })).rejects.toThrow(
      'fit: expected data (a one-shot iterator) to yield stepsPerEpoch x epochs = 2 batches, got 1: ' +
        'it ran out in epoch 2',
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y, ...expected]);
    once.dispose();
    net.dispose();
  });
});

describe('fit from streams: progress, callbacks, schedules, validation (cpu)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test('stepsPerEpoch caps a re-iterable stream; callbacks, schedules, validation work as with tensors', async () => {
    const { x, y } = regressionData();
    const net = model(7);
    const batches: number[] = [];
    const rates: number[] = [];
    const spy: TrainingCallbacks = {
      onBatchEnd: (batch, logs) => void batches.push(batch, logs.size),
      onEpochEnd: (_epoch, logs) => void rates.push(logs.learningRate as number),
    };
    const train = fromTensors({ x, y }).shuffle(40, 1).batch(8);
    const validation = fromTensors({ x, y }).batch(16);
    const history = await fit(net, train, {
      loss: mse,
      optimizer: new Sgd({ learningRate: 0.1 }),
      epochs: 2,
      stepsPerEpoch: 3,
      learningRate: exponentialDecay({ rate: 0.5 }),
      validationData: validation,
      callbacks: spy,
      progress: 'none',
    });
    expect(batches).toEqual([0, 8, 1, 8, 2, 8, 0, 8, 1, 8, 2, 8]);
    // lr0 * 0.5^(step / 3) at each epoch's last step (steps 2 and 5).
    expect(rates[0]).toBeCloseTo(0.1 * 0.5 ** (2 / 3), 6);
    expect(rates[1]).toBeCloseTo(0.1 * 0.5 ** (5 / 3), 6);
    const after = await evaluate(net, { x, y }, { loss: mse });
    expect(history.last('valLoss')).toBeCloseTo(after.loss, 5);
    const streamed = await evaluate(net, validation, { loss: mse });
    expect(streamed.loss).toBeCloseTo(after.loss, 5);
    const capped = await evaluate(net, validation, { loss: mse, steps: 1 });
    const firstHalf = await evaluate(net, { x: tf.slice(x, 0, 16), y: tf.slice(y, 0, 16) }, { loss: mse });
    expect(capped.loss).toBeCloseTo(firstHalf.loss, 5);
    tf.dispose([x, y]);
    net.dispose();
  });

  test("the progress bar counts batches during a stream's first epoch, then shows the total", async () => {
    const { x, y } = regressionData();
    const net = model(8);
    const out: string[] = [];
    await fit(
      net,
      fromGenerator(() => slices(x, y, 2)),
      {
        loss: mse,
        epochs: 2,
        progress: 'bar',
        write: (text) => void out.push(text),
      },
    );
    const text = out.join('');
    expect(text).toMatch(/\repoch 1 batch 2 {2}loss \d\.\d{4} {2}\d+s so far/);
    expect(text).toMatch(/\repoch 2 \[=+>\] 2\/2 {2}loss \d\.\d{4} {2}eta 0s/);
    expect(text).toMatch(/epoch 2\/2 {2}loss \d\.\d{4}/);
    out.length = 0;
    const rows = fromTensors({ x, y }).batch(8);
    await fit(net, rows, { loss: mse, stepsPerEpoch: 2, progress: 'bar', write: (text) => void out.push(text) });
    expect(out.join('')).toMatch(/\repoch 1 \[=+>? *\] 1\/2 {2}loss \d\.\d{4}/); // known from stepsPerEpoch
    tf.dispose([x, y]);
    net.dispose();
  });

  test('class weights, accuracy and the NaN guard behave on a stream as on the same tensors', async () => {
    const x = tf.tidy(() => tf.div(tf.reshape(tf.range(0, 24), [12, 2]), 24));
    const y = tf.tensor1d([0, 1, 2, 1, 0, 2, 1, 1, 0, 2, 2, 0], 'int32');
    const crossEntropy: LossFunction = (labels, logits) =>
      tf.losses.softmaxCrossEntropy(tf.oneHot(labels as tf.Tensor1D, 3), logits) as tf.Scalar;
    crossEntropy.accuracyKind = 'categorical';
    const classifier = () =>
      new Sequential({ seed: 9, layers: [new Dense({ units: 5, activation: 'relu' }), new Dense({ units: 3 })] });
    const options = { loss: crossEntropy, classWeights: { 0: 0.5, 2: 3 }, epochs: 2, progress: 'none' as const };
    const fromRows = classifier();
    const expected = await fit(
      fromRows,
      { x, y },
      { ...options, optimizer: new Sgd({ learningRate: 0.5 }), batchSize: 4, shuffle: false },
    );
    const streamed = classifier();
    const history = await fit(streamed, fromTensors({ x, y }).batch(4), {
      ...options,
      optimizer: new Sgd({ learningRate: 0.5 }),
    });
    expect(history.get('loss')).toEqual(expected.get('loss').map((v) => expect.closeTo(v, 6)));
    expect(history.get('accuracy')).toEqual(expected.get('accuracy'));
    const [a, b] = [fromRows.getWeights(), streamed.getWeights()];
    for (const [i, w] of a.entries()) await expectTensorsClose(w, b[i] as tf.Tensor, { rtol: 1e-6, atol: 1e-7 });
    const poisoned = fromGenerator(function* () {
      yield { x: tf.ones([2, 2]), y: tf.tensor1d([0, 1], 'int32') };
      yield { x: tf.fill([2, 2], Number.NaN), y: tf.tensor1d([0, 1], 'int32') };
    });
    const before = tf.memory().numTensors;
    await expect(fit(streamed, poisoned, { loss: crossEntropy, progress: 'none' })).rejects.toThrow(
      /fit: expected a finite loss and finite gradients, got loss NaN at epoch 1, batch 2 \(1-based\)/,
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y, ...a, ...b]);
    fromRows.dispose();
    streamed.dispose();
  });

  test('augment transforms each streamed batch with the seeded generator, as it does batches of tensors', async () => {
    const { x, y } = regressionData();
    const augment = (batch: tf.Tensor, random: { normal(): number }) => tf.add(batch, 0.01 * random.normal());
    const options = { loss: mse, augment, seed: 4, epochs: 2, progress: 'none' as const };
    const [a, b] = [model(11), model(11)];
    await fit(a, { x, y }, { ...options, optimizer: new Sgd({ learningRate: 0.1 }), batchSize: 8, shuffle: false });
    await fit(
      b,
      fromGenerator(() => slices(x, y)),
      { ...options, optimizer: new Sgd({ learningRate: 0.1 }) },
    );
    const [wa, wb] = [a.getWeights(), b.getWeights()];
    for (const [i, w] of wa.entries()) await expectTensorsClose(w, wb[i] as tf.Tensor, { rtol: 1e-6, atol: 1e-7 });
    const plain = model(11);
    await fit(
      plain,
      fromGenerator(() => slices(x, y)),
      { loss: mse, epochs: 2, progress: 'none', optimizer: new Sgd({ learningRate: 0.1 }) },
    );
    const unaugmented = plain.getWeights();
    expect(Array.from(await (unaugmented[0] as tf.Tensor).data())).not.toEqual(
      Array.from(await (wb[0] as tf.Tensor).data()),
    );
    tf.dispose([x, y, ...wa, ...wb, ...unaugmented]);
    for (const net of [a, b, plain]) net.dispose();
  });
});
