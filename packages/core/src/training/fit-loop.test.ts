// fit's loop observed from outside: the callbacks' order and arguments (awaited one by one), the
// epoch logs against losses worked out by hand, stopping, the NaN guard's wording while a stream's
// length is unknown, augment's tensors freed, and the same figures whether or not fit reads each batch.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { fromGenerator } from '../data/from-generator.js';
import { Dense } from '../layers/dense.js';
import { Sgd } from '../optimizers/sgd.js';
import type { LossFunction } from '../registry/loss-contract.js';
import type { TrainingCallbacks } from './callbacks.js';
import { fit } from './fit.js';
import type { History } from './history.js';

const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));

/** A one-weight model y = w x (w = 0 at first): its loss on rows (x, y) is mean (w x - y)^2. */
function line() {
  return new Dense({ units: 1, useBias: false, kernelInitializer: 'zeros' });
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('fit loop (cpu)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test('callbacks in order with their arguments; each (async) callback is awaited before fit goes on', async () => {
    const x = tf.tensor2d([[1], [2], [3]]);
    const y = tf.tensor2d([[2], [4], [6]]);
    const model = line();
    const events: string[] = [];
    let ended: History | undefined;
    const slow = (event: string) => async () => {
      await tick();
      events.push(event);
    };
    const callbacks: TrainingCallbacks = {
      onTrainBegin: async (control) => {
        await tick();
        events.push(`begin ${control.model === model}`);
      },
      onEpochBegin: async (epoch) => slow(`epoch ${epoch}`)(),
      onBatchEnd: async (batch, logs) => slow(`batch ${batch} size ${logs.size}`)(),
      onEpochEnd: async (epoch, logs) => slow(`end ${epoch} ${Object.keys(logs).join(',')}`)(),
      onTrainEnd: async (history) => {
        await tick();
        ended = history;
        events.push('done');
      },
    };
    const history = await fit(
      model,
      { x, y },
      {
        loss: mse,
        optimizer: new Sgd({ learningRate: 0.01 }),
        epochs: 2,
        batchSize: 2,
        shuffle: false,
        callbacks: [callbacks, { onEpochEnd: () => void events.push('second') }],
        progress: 'none',
      },
    );
    expect(events).toEqual([
      'begin true',
      'epoch 0',
      'batch 0 size 2',
      'batch 1 size 1',
      'end 0 loss,learningRate,seconds',
      'second',
      'epoch 1',
      'batch 0 size 2',
      'batch 1 size 1',
      'end 1 loss,learningRate,seconds',
      'second',
      'done',
    ]);
    expect(ended).toBe(history);
    tf.dispose([x, y]);
    model.dispose();
  });

  test("each batch's loss before its step, the epoch's row-weighted mean, the rate and a plausible time", async () => {
    const x = tf.tensor2d([[1], [2], [3]]);
    const y = tf.tensor2d([[2], [4], [6]]);
    const model = line();
    const batches: number[] = [];
    const history = await fit(
      model,
      { x, y },
      {
        loss: mse,
        optimizer: new Sgd({ learningRate: 0.125 }),
        batchSize: 2,
        shuffle: false,
        callbacks: { onBatchEnd: (_batch, logs) => void batches.push(logs.loss) },
        progress: 'none',
      },
    );
    // Batch 1, w = 0: (4 + 16) / 2 = 10; the gradient mean 2 (w x - y) x = -(4 + 16) / 2 = -10 -> w = 1.25.
    // Batch 2 (row 3), w = 1.25: (3.75 - 6)^2 = 5.0625.
    expect(batches[0]).toBeCloseTo(10, 5);
    expect(batches[1]).toBeCloseTo(5.0625, 5);
    expect(history.get('loss')[0]).toBeCloseTo((10 * 2 + 5.0625) / 3, 5);
    expect(history.get('learningRate')).toEqual([0.125]);
    const seconds = history.get('seconds')[0] as number;
    expect(seconds).toBeGreaterThanOrEqual(0);
    expect(seconds).toBeLessThan(60);
    tf.dispose([x, y]);
    model.dispose();
  });

  test('the epoch figures are the same whether fit reads every batch or sums on the device', async () => {
    const x = tf.tensor2d([[1], [2], [3], [4], [5]]);
    const y = tf.tensor2d([[1], [3], [2], [5], [4]]);
    const run = async (options: { stopOnNonFinite: boolean; callbacks?: TrainingCallbacks }) => {
      const model = line();
      const history = await fit(
        model,
        { x, y },
        {
          loss: mse,
          optimizer: new Sgd({ learningRate: 0.01 }),
          epochs: 3,
          batchSize: 2,
          validationData: { x, y },
          progress: 'none',
          ...options,
        },
      );
      model.dispose();
      return history;
    };
    const read = await run({ stopOnNonFinite: true });
    const onDevice = await run({ stopOnNonFinite: false });
    const withBatches = await run({ stopOnNonFinite: false, callbacks: { onBatchEnd: () => {} } });
    for (const other of [onDevice, withBatches]) {
      expect(other.get('loss')).toEqual(read.get('loss').map((v) => expect.closeTo(v, 5)));
      expect(other.get('valLoss')).toEqual(read.get('valLoss').map((v) => expect.closeTo(v, 5)));
    }
    expect(read.get('loss').every((v) => v > 0)).toBe(true);
    tf.dispose([x, y]);
  });

  test('stopTraining ends fit after the current epoch, from an epoch or a batch callback', async () => {
    const x = tf.ones([4, 1]);
    const y = tf.ones([4, 1]);
    const model = line();
    const options = { loss: mse, epochs: 5, batchSize: 1, progress: 'none' } as const;
    const fromEpoch = await fit(
      model,
      { x, y },
      {
        ...options,
        callbacks: { onEpochEnd: (epoch, _logs, control) => (epoch === 1 ? control.stopTraining() : undefined) },
      },
    );
    expect(fromEpoch.epochs).toEqual([0, 1]);
    let batchesRun = 0;
    const fromBatch = await fit(
      model,
      { x, y },
      {
        ...options,
        callbacks: {
          onBatchEnd: (batch, _logs, control) => {
            batchesRun++;
            if (batch === 0) control.stopTraining();
          },
        },
      },
    );
    expect(fromBatch.epochs).toEqual([0]);
    expect(batchesRun).toBe(4); // the epoch still ends
    tf.dispose([x, y]);
    model.dispose();
  });

  test("the NaN guard names the batch without a total while a stream's length is unknown, with it after", async () => {
    const model = line();
    const batch = (value: number) => ({ x: tf.fill([2, 1], value), y: tf.zeros([2, 1]) });
    let pass = 0;
    const stream = fromGenerator(function* () {
      pass++;
      yield batch(1);
      yield batch(pass === 2 ? Number.NaN : 1);
      yield batch(1);
    });
    await expect(fit(model, stream, { loss: mse, epochs: 2, progress: 'none' })).rejects.toThrow(
      'fit: expected a finite loss and finite gradients, got loss NaN at epoch 2, batch 2 of 3 (1-based)',
    );
    pass = 1;
    const before = tf.memory().numTensors;
    await expect(fit(model, stream, { loss: mse, epochs: 1, progress: 'none' })).rejects.toThrow(
      'fit: expected a finite loss and finite gradients, got loss NaN at epoch 1, batch 2 (1-based)',
    );
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  test('augment: the model trains on the augmented rows, and fit frees them', async () => {
    const x = tf.tensor2d([[1], [2]]);
    const y = tf.tensor2d([[2], [4]]);
    const model = line();
    model.ensureBuilt([2, 1]);
    const double = (batch: tf.Tensor) => tf.mul(batch, 2);
    const before = tf.memory().numTensors;
    await fit(
      model,
      { x, y },
      {
        loss: mse,
        optimizer: new Sgd({ learningRate: 0.05 }),
        augment: double,
        shuffle: false,
        progress: 'none',
      },
    );
    expect(tf.memory().numTensors).toBe(before);
    // Inputs 2 and 4 at w = 0: gradient mean 2 (0 - y) x = -(2 * 2 * 2 + 2 * 4 * 4) / 2 = -20: w = 1
    // (the rows 1 and 2 as given would give -10: w = 0.5).
    expect(Array.from(await model.weight('kernel').read().data())).toEqual([expect.closeTo(1, 5)]);
    tf.dispose([x, y]);
    model.dispose();
  });

  test('a finite loss with an infinite gradient is stopped too, naming the gradient sum', async () => {
    const x = tf.ones([2, 1]);
    const y = tf.zeros([2, 1]);
    const model = line();
    // loss = mean sqrt(w x): 0 at w = 0, where d sqrt(p) / dp = 1 / (2 sqrt(p)) is infinite.
    const rootLoss: LossFunction = (_labels, predictions) => tf.mean(tf.sqrt(predictions));
    await expect(fit(model, { x, y }, { loss: rootLoss, progress: 'none' })).rejects.toThrow(
      'fit: expected a finite loss and finite gradients, got a non-finite gradient (sum of the gradients Infinity) ' +
        'with loss 0 at epoch 1, batch 1 of 1 (1-based)',
    );
    tf.dispose([x, y]);
    model.dispose();
  });

  test('with stopOnNonFinite false, a batch callback or a progress bar still gets each batch loss', async () => {
    const x = tf.tensor2d([[1], [2]]);
    const y = tf.tensor2d([[2], [4]]);
    const model = line();
    const losses: number[] = [];
    const common = { loss: mse, optimizer: new Sgd({ learningRate: 0.01 }), batchSize: 2, stopOnNonFinite: false };
    await fit(
      model,
      { x, y },
      {
        ...common,
        callbacks: { onBatchEnd: (_batch, logs) => void losses.push(logs.loss) },
        progress: 'none',
      },
    );
    expect(losses).toEqual([expect.closeTo(10, 5)]); // w = 0: (4 + 16) / 2
    const out: string[] = [];
    await fit(model, { x, y }, { ...common, progress: 'bar', write: (text) => void out.push(text) });
    expect(out[0]).toMatch(/^\repoch 1 \[=+>\] 1\/1 {2}loss \d+\.\d{4} {2}eta 0s$/);
    tf.dispose([x, y]);
    model.dispose();
  });

  test('a stream that fails mid-epoch has its pass closed (return() called), on an error as at the end', async () => {
    const model = line();
    let closed = 0;
    const iterable = {
      [Symbol.iterator]() {
        let i = 0;
        return {
          next: () =>
            i++ < 3
              ? { done: false, value: { x: tf.fill([1, 1], i === 2 ? Number.NaN : 1), y: tf.zeros([1, 1]) } }
              : { done: true, value: undefined },
          return: () => {
            closed++;
            return { done: true, value: undefined };
          },
        };
      },
    };
    await expect(fit(model, iterable as never, { loss: mse, progress: 'none' })).rejects.toThrow(/got loss NaN/);
    expect(closed).toBe(1);
    await fit(model, iterable as never, { loss: mse, stopOnNonFinite: false, progress: 'none' });
    expect(closed).toBe(2);
    model.dispose();
  });
});
