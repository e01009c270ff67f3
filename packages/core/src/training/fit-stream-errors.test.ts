import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { fromGenerator } from '../data/from-generator.js';
import { fromTensors } from '../data/from-tensors.js';
import { input, Model } from '../graph/index.js';
import { Dense, Sequential } from '../layers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { JoinForTest } from '../../test/graph-test-layers.js';
import { evaluate } from './evaluate.js';
import { fit } from './fit.js';

const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));

/** Runs `call` 50 times; each must reject with `message`; numTensors must not move. */
async function expectFiftyFailuresLeakNothing(call: () => Promise<unknown>, message: RegExp | string): Promise<void> {
  await expect(call()).rejects.toThrow(message); // a first failure may create tfjs's own caches
  const before = tf.memory().numTensors;
  for (let i = 0; i < 50; i++) await expect(call()).rejects.toThrow(message);
  expect(tf.memory().numTensors).toBe(before);
}

describeEachBackend('fit and evaluate refuse bad streams, naming the argument and batch; nothing leaks', () => {
  test('data that is neither tensors nor a stream', async () => {
    const net = new Dense({ units: 1, seed: 1 });
    const expected =
      'fit: expected data to be { x, y } tensors, a Dataset or an (async) iterable of { x, y } batches, got number';
    await expectFiftyFailuresLeakNothing(() => fit(net, 3 as never, { loss: mse }), expected);
    await expectFiftyFailuresLeakNothing(
      () => fit(net, function* () {} as never, { loss: mse }),
      /got function \(to use a generator function, pass fromGenerator\(fn\)\)/,
    );
    const x = tf.zeros([2, 1]);
    await expectFiftyFailuresLeakNothing(
      () => evaluate(net, { x } as never, { loss: mse }),
      /evaluate: expected data to be \{ x, y \} tensors, .*, got an object with keys x/,
    );
    x.dispose();
    net.dispose();
  });

  test('a batch that is not { x, y }: the batch number is named, the tensors it held are disposed', async () => {
    const net = new Dense({ units: 1, seed: 2 });
    net.ensureBuilt([1, 2]);
    const badSecond = fromGenerator(function* () {
      yield { x: tf.ones([4, 2]), y: tf.ones([4, 1]) };
      yield { x: tf.ones([4, 2]), labels: tf.ones([4, 1]) };
    });
    await expectFiftyFailuresLeakNothing(
      () => fit(net, badSecond as never, { loss: mse, progress: 'none' }),
      /fit: expected batch 2 of data to be \{ x, y \} with tensors, got an object with keys x, labels/,
    );
    const uneven = fromGenerator(function* () {
      yield { x: tf.ones([4, 2]), y: tf.ones([3, 1]) };
    });
    await expectFiftyFailuresLeakNothing(
      () => fit(net, uneven, { loss: mse, progress: 'none' }),
      /fit: expected data batch 1\.x and data batch 1\.y with the same number of rows, got \[4,2\] and \[3,1\]/,
    );
    await expectFiftyFailuresLeakNothing(
      () => evaluate(net, [7] as never, { loss: mse }),
      /evaluate: expected batch 1 of data to be \{ x, y \} with tensors, got number/,
    );
    net.dispose();
  });

  test('a one-shot iterator without stepsPerEpoch; validationSplit, batchSize or shuffle with a stream', async () => {
    const net = new Dense({ units: 1, seed: 3 });
    const x = tf.ones([4, 2]);
    const y = tf.ones([4, 1]);
    const rows = fromTensors({ x, y }).batch(2);
    await expectFiftyFailuresLeakNothing(
      () => fit(net, rows[Symbol.asyncIterator]() as never, { loss: mse }),
      /fit: expected stepsPerEpoch with a one-shot iterator or generator object/,
    );
    await expectFiftyFailuresLeakNothing(
      () => fit(net, rows, { loss: mse, validationSplit: 0.5 }),
      'fit: expected validationSplit only with { x, y } tensors, got it with a stream ' +
        '(a stream cannot be split; pass validationData)',
    );
    await expectFiftyFailuresLeakNothing(
      () => fit(net, rows, { loss: mse, batchSize: 8 }),
      /fit: expected batchSize only with \{ x, y \} tensors, got it with a stream/,
    );
    await expectFiftyFailuresLeakNothing(
      () => fit(net, rows, { loss: mse, shuffle: false }),
      'fit: expected shuffle only with { x, y } tensors, got it with a stream (shuffle a stream with Dataset.shuffle)',
    );
    await expectFiftyFailuresLeakNothing(
      () => fit(net, rows, { loss: mse, learningRate: () => 0.1 }),
      /fit: expected stepsPerEpoch with a learningRate schedule and a stream/,
    );
    await expectFiftyFailuresLeakNothing(
      () => fit(net, { x, y }, { loss: mse, stepsPerEpoch: 2 }),
      /fit: expected stepsPerEpoch only with streamed data/,
    );
    await expectFiftyFailuresLeakNothing(
      () => fit(net, rows, { loss: mse, validationData: rows[Symbol.asyncIterator]() as never, progress: 'none' }),
      /fit: expected validationSteps with a one-shot validationData iterator/,
    );
    await expectFiftyFailuresLeakNothing(
      () =>
        fit(
          net,
          fromGenerator(function* () {}),
          { loss: mse, progress: 'none' },
        ),
      /fit: expected data to yield at least one batch, got none in epoch 1/,
    );
    tf.dispose([x, y]);
    net.dispose();
  });

  test('a record whose keys are not the model inputs', async () => {
    const a = input({ shape: [2], name: 'a' });
    const b = input({ shape: [3], name: 'b' });
    const joined = new JoinForTest().apply([a, b]);
    const model = new Model({ inputs: [a, b], outputs: new Dense({ units: 1, seed: 4 }).apply(joined) });
    const [xa, xb, y] = [tf.ones([4, 2]), tf.ones([4, 3]), tf.ones([4, 1])];
    await expectFiftyFailuresLeakNothing(
      () => fit(model, { x: { a: xa, c: xb }, y }, { loss: mse, progress: 'none' }),
      /fit: expected data\.x to have the keys a, b \(the model's inputs\), got missing 'b' and unknown 'c'/,
    );
    const stream = fromGenerator(function* () {
      yield { x: { a: tf.ones([4, 2]) }, y: tf.ones([4, 1]) };
    });
    await expectFiftyFailuresLeakNothing(
      () => fit(model, stream, { loss: mse, progress: 'none' }),
      /fit: expected data batch 1\.x to have the keys a, b \(the model's inputs\), got missing 'b'/,
    );
    await expectFiftyFailuresLeakNothing(
      () => fit(model, { x: [xa], y }, { loss: mse, progress: 'none' }),
      "fit: expected data.x to be an array of 2 tensors (a, b) or a record { a, b } (the model's inputs), " +
        'got an array of 1',
    );
    await expectFiftyFailuresLeakNothing(
      () => fit(new Sequential({ layers: [new Dense({ units: 1 })] }), { x: { a: xa }, y }, { loss: mse }),
      "fit: expected data.x to be a tensor (the model's inputs), got a record (a plain layer's inputs have no names)",
    );
    tf.dispose([xa, xb, y]);
    model.dispose();
  });
});

test('every error path above also holds for evaluate with a record of the wrong keys', async () => {
  const a = input({ shape: [2], name: 'a' });
  const model = new Model({ inputs: a, outputs: { out: new Dense({ units: 1, seed: 5 }).apply(a) } });
  const [x, y] = [tf.ones([3, 2]), tf.ones([3, 1])];
  await expectFiftyFailuresLeakNothing(
    () => evaluate(model, { x, y: { wrong: y } }, { loss: mse }),
    /evaluate: expected data\.y to have the keys out \(the model's outputs\), got missing 'out' and unknown 'wrong'/,
  );
  expect((await evaluate(model, { x: { a: x }, y: { out: y } }, { loss: { out: mse } })).loss).toBeGreaterThanOrEqual(
    0,
  );
  tf.dispose([x, y]);
  model.dispose();
});
