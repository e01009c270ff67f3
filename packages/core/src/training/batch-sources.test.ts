// fit's two batch sources driven directly: rows of tensors (sizes, order against the seeded shuffle
// applied by hand, classes, freeing) and streams (caps, learned lengths, running out, closing a pass
// early, disposing only what the reader owns), with whole messages.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { Dense } from '../layers/dense.js';
import { createRandom } from '../random/seeded-random.js';
import type { BatchSource } from './batch-source.js';
import { classifyData, readStreamBatch, type StreamSource } from './batch-stream.js';
import { modelSlots } from './labelled-data.js';
import { streamBatches, type StreamBatchOptions } from './stream-batches.js';
import { tensorBatches } from './tensor-batches.js';

/** Every batch of one epoch: the first column of x of each (the row numbers), classes and row counts. */
async function epochOf(source: BatchSource, epoch: number) {
  const batches: { rows: number[]; classes: number[] | undefined; count: number }[] = [];
  source.beginEpoch(epoch);
  for (;;) {
    const batch = await source.next();
    if (batch === undefined) break;
    const first = tf.slice(batch.xs[0] as tf.Tensor, [0, 0], [-1, 1]);
    batches.push({ rows: Array.from(await first.data()), classes: batch.classes, count: batch.rows });
    first.dispose();
    batch.release();
  }
  await source.endEpoch();
  return batches;
}

function rowsTensor(rows: number) {
  return tf.tidy(() => tf.stack([tf.range(0, rows), tf.ones([rows])], 1));
}

describe('batch sources (cpu)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test('tensorBatches: ceil(N / batchSize) batches in row order without shuffling, the last smaller', async () => {
    const x = rowsTensor(5);
    const y = tf.tensor1d([0, 1, 0, 1, 1]);
    const source = tensorBatches(
      { xs: [x], ys: [y], rows: 5 },
      { batchSize: 2, shuffle: false, random: createRandom(0), classes: [3, 4, 5, 6, 7] },
    );
    expect(source.batchesPerEpoch).toBe(3);
    const before = tf.memory().numTensors;
    for (const epoch of [0, 1]) {
      const batches = await epochOf(source, epoch);
      expect(batches.map((b) => b.rows)).toEqual([[0, 1], [2, 3], [4]]);
      expect(batches.map((b) => b.classes)).toEqual([[3, 4], [5, 6], [7]]);
      expect(batches.map((b) => b.count)).toEqual([2, 2, 1]);
    }
    expect(await source.next()).toBeUndefined(); // past the end stays past the end
    expect(tf.memory().numTensors).toBe(before); // release() freed every gathered copy
    const whole = { batchSize: 5, shuffle: false, random: createRandom(0), classes: undefined };
    expect(tensorBatches({ xs: [x], ys: [y], rows: 5 }, whole).batchesPerEpoch).toBe(1);
    tf.dispose([x, y]);
  });

  test('tensorBatches: each epoch reshuffles the running order with the seeded generator', async () => {
    const x = rowsTensor(6);
    const y = tf.zeros([6]);
    const source = tensorBatches(
      { xs: [x], ys: [y], rows: 6 },
      { batchSize: 4, shuffle: true, random: createRandom(5), classes: undefined },
    );
    const reference = createRandom(5);
    const order = [0, 1, 2, 3, 4, 5];
    for (const epoch of [0, 1, 2]) {
      reference.shuffle(order);
      const batches = await epochOf(source, epoch);
      expect(batches.map((b) => b.rows)).toEqual([order.slice(0, 4), order.slice(4)]);
      expect(batches.map((b) => b.classes)).toEqual([undefined, undefined]);
    }
    tf.dispose([x, y]);
  });

  test('classifyData: an array is re-read, not owned; a generator object is one-shot; an iterable is re-opened', () => {
    const array = classifyData('fit', 'data', [1, 2]);
    expect(array).toMatchObject({ stream: { reiterable: true, owned: false } });
    const generator = (function* () {
      yield 1;
    })();
    const oneShot = classifyData('fit', 'data', generator);
    expect(oneShot).toMatchObject({ stream: { reiterable: false, owned: true } });
    const made: number[] = [];
    const iterable = {
      [Symbol.iterator]() {
        made.push(made.length);
        return [made.length][Symbol.iterator]();
      },
    };
    const again = classifyData('fit', 'data', iterable);
    expect(again).toMatchObject({ stream: { reiterable: true, owned: true } });
    expect(made).toEqual([0]); // the first iterator is made at once (to tell a one-shot iterator)...
    const open = (again as { stream: StreamSource }).stream.open;
    expect((open() as Iterator<number>).next().value).toBe(1); // ...and used by the first pass
    expect(made).toEqual([0]);
    expect((open() as Iterator<number>).next().value).toBe(2);
    expect((open() as Iterator<number>).next().value).toBe(3);
    const next = { next: () => ({ done: true, value: undefined }) };
    expect(classifyData('fit', 'data', next)).toMatchObject({ stream: { reiterable: false, owned: true } });
    const both = {
      [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: 'async' }) }),
      [Symbol.iterator]: () => ({ next: () => ({ done: true, value: 'sync' }) }),
    };
    const preferred = (classifyData('fit', 'data', both) as { stream: StreamSource }).stream.open();
    expect(preferred.next()).toBeInstanceOf(Promise); // the async iterator is preferred
    const tensors = { x: 1, y: 2 };
    expect(classifyData('fit', 'data', tensors)).toEqual({ tensors });
  });

  test('classifyData refuses anything else, describing it', () => {
    const start = 'expected data to be { x, y } tensors, a Dataset or an (async) iterable of { x, y } batches, got';
    const cases: [unknown, string][] = [
      [null, 'null'],
      [undefined, 'undefined'],
      ['xy', 'string'],
      [{ x: 1 }, 'an object with keys x'],
      [{}, 'an object with keys none'],
      [new Date(0), 'object'],
      [() => 1, 'function (to use a generator function, pass fromGenerator(fn))'],
    ];
    for (const [value, got] of cases)
      expect(() => classifyData('evaluate', 'data', value)).toThrow(`evaluate: ${start} ${got}`);
    expect(() => classifyData('fit', 'validationData', 3)).toThrow(/^fit: expected validationData to be \{ x, y \}/);
  });

  test('readStreamBatch: refuses a batch that is not { x, y }, disposing it only when owned', () => {
    const slots = modelSlots(new Dense({ units: 1 }));
    const cases: [unknown, string][] = [
      [null, 'null'],
      [[1], 'an array of 1'],
      [{ x: 1 }, 'an object with keys x'],
      [{ y: 1 }, 'an object with keys y'],
      [{}, 'an object with keys none'],
    ];
    for (const [value, got] of cases)
      expect(() => readStreamBatch('fit', 'data', value, 3, slots, true)).toThrow(
        `fit: expected batch 3 of data to be { x, y } with tensors, got ${got}`,
      );
    const owned = { x: tf.ones([2, 2]), labels: tf.ones([2, 1]) };
    expect(() => readStreamBatch('fit', 'data', owned, 1, slots, true)).toThrow(/got an object with keys x, labels/);
    expect(owned.x.isDisposed && owned.labels.isDisposed).toBe(true);
    const kept = { x: tf.ones([2, 2]), labels: tf.ones([2, 1]) };
    expect(() => readStreamBatch('fit', 'data', kept, 1, slots, false)).toThrow(/keys x, labels/);
    expect(kept.x.isDisposed || kept.labels.isDisposed).toBe(false);
    const good = { x: tf.ones([2, 2]), y: tf.ones([2, 1]) };
    const batch = readStreamBatch('fit', 'data', good, 1, slots, false);
    expect(batch.rows).toBe(2);
    batch.release();
    expect(good.x.isDisposed).toBe(false);
    readStreamBatch('fit', 'data', good, 1, slots, true).release();
    expect(good.x.isDisposed && good.y.isDisposed).toBe(true);
    tf.dispose([kept.x, kept.labels]);
  });
});

/** An iterable of `counts[pass]` batches on pass `pass`, recording each pass's return() calls. */
function passes(counts: number[]) {
  const returned: number[] = [];
  let pass = 0;
  const iterable = {
    [Symbol.iterator]() {
      const mine = pass++;
      let i = 0;
      return {
        next: () =>
          i < (counts[mine] ?? 0)
            ? { done: false, value: { x: tf.fill([1, 2], 10 * mine + i++), y: tf.zeros([1, 1]) } }
            : { done: true, value: undefined },
        return: () => {
          returned.push(mine);
          return { done: true, value: undefined };
        },
      };
    },
  };
  return { iterable, returned };
}

describe('streamBatches (cpu)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  const options = (extra: Partial<StreamBatchOptions>): StreamBatchOptions => ({
    fn: 'fit',
    argument: 'data',
    slots: modelSlots(new Dense({ units: 1 })),
    stepsPerEpoch: undefined,
    epochs: 2,
    wantClasses: false,
    ...extra,
  });
  const streamOf = (value: unknown) => (classifyData('fit', 'data', value) as { stream: StreamSource }).stream;

  test('a re-iterable stream: its length is learned after the first epoch; each pass is new', async () => {
    const { iterable, returned } = passes([3, 2]);
    const source = streamBatches(streamOf(iterable), options({}));
    expect(source.batchesPerEpoch).toBeUndefined();
    const first = await epochOf(source, 0);
    expect(first.map((b) => b.rows)).toEqual([[0], [1], [2]]);
    expect(source.batchesPerEpoch).toBe(3);
    expect(returned).toEqual([0]); // endEpoch closes the pass (a no-op for a finished one)
    const second = await epochOf(source, 1);
    expect(second.map((b) => b.rows)).toEqual([[10], [11]]);
    expect(source.batchesPerEpoch).toBe(3); // the first epoch's count is kept
    await source.close();
    expect(returned).toEqual([0, 1]);
  });

  test('stepsPerEpoch caps a re-iterable stream and closes the rest of the pass', async () => {
    const { iterable, returned } = passes([5, 5, 1]);
    const source = streamBatches(streamOf(iterable), options({ stepsPerEpoch: 2, epochs: 3 }));
    expect(source.batchesPerEpoch).toBe(2);
    expect((await epochOf(source, 0)).map((b) => b.rows)).toEqual([[0], [1]]);
    expect(returned).toEqual([0]);
    expect((await epochOf(source, 1)).map((b) => b.rows)).toEqual([[10], [11]]);
    expect((await epochOf(source, 2)).map((b) => b.rows)).toEqual([[20]]); // a short pass just ends
    expect(source.batchesPerEpoch).toBe(2);
  });

  test('a one-shot iterator continues across epochs, is never closed, and running out names the counts', async () => {
    const { iterable, returned } = passes([4]);
    const iterator = iterable[Symbol.iterator]();
    const oneShot = { next: () => iterator.next(), return: () => iterator.return() };
    const source = streamBatches(streamOf(oneShot), options({ stepsPerEpoch: 3, epochs: 2 }));
    expect((await epochOf(source, 0)).map((b) => b.rows)).toEqual([[0], [1], [2]]);
    source.beginEpoch(1);
    const batch = await source.next();
    batch?.release();
    await expect(source.next()).rejects.toThrow(
      'fit: expected data (a one-shot iterator) to yield stepsPerEpoch x epochs = 6 batches, got 4: it ran out in ' +
        'epoch 2; yield more, or pass a Dataset or another iterable that each epoch iterates anew',
    );
    await source.close();
    expect(returned).toEqual([]);
  });

  test('an empty pass of a re-iterable stream is an error naming the epoch', async () => {
    const { iterable } = passes([1, 0]);
    const source = streamBatches(streamOf(iterable), options({ argument: 'validationData' }));
    await epochOf(source, 0);
    source.beginEpoch(1);
    await expect(source.next()).rejects.toThrow(
      'fit: expected validationData to yield at least one batch, got none in epoch 2',
    );
  });

  test("next() before beginEpoch gives nothing; wantClasses reads the first output's classes", async () => {
    const batches = [
      { x: tf.ones([3, 2]), y: tf.tensor2d([0, 1, 1, 0, 1, 0], [3, 2]) },
      { x: tf.ones([1, 2]), y: tf.tensor2d([0, 1], [1, 2]) },
    ];
    const source = streamBatches(streamOf(batches), options({ wantClasses: true }));
    expect(await source.next()).toBeUndefined();
    const before = tf.memory().numTensors;
    expect((await epochOf(source, 0)).map((b) => b.classes)).toEqual([[1, 0, 0], [1]]);
    expect(tf.memory().numTensors).toBe(before); // an array's batches are not disposed
    expect(batches[0]?.x.isDisposed).toBe(false);
    tf.dispose(batches.flatMap((b) => [b.x, b.y]));
  });
});
