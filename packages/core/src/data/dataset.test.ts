import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import { Dataset } from './dataset.js';
import { fromGenerator } from './from-generator.js';
import { fromTensors } from './from-tensors.js';

/** Reads every element's x (a scalar or vector row/batch) as numbers, disposing each element. */
async function readX(dataset: AsyncIterable<{ x: tf.Tensor; y: tf.Tensor }>): Promise<number[][]> {
  const out: number[][] = [];
  for await (const element of dataset) {
    out.push(Array.from(await element.x.data()));
    tf.dispose([element.x, element.y]);
  }
  return out;
}

function rows(n: number) {
  const x = tf.range(0, n);
  const y = tf.tidy(() => tf.mul(tf.range(0, n), 10));
  return { x, y, dispose: () => tf.dispose([x, y]) };
}

describeEachBackend('Dataset', () => {
  test('fromTensors yields rows without the first axis; batch stacks them, keeps or drops the remainder', async () => {
    const x = tf.tensor2d([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [5, 2]);
    const y = tf.tensor1d([0, 1, 2, 3, 4], 'int32');
    const before = tf.memory().numTensors;
    const data = fromTensors({ x, y });
    const first = (await data.take(1).toArray())[0];
    expect(first?.x.shape).toEqual([2]);
    expect(first?.y.shape).toEqual([]);
    tf.dispose([first?.x, first?.y] as tf.Tensor[]);
    const kept = await data.batch(2).toArray();
    expect(kept.map((b) => b.x.shape)).toEqual([
      [2, 2],
      [2, 2],
      [1, 2],
    ]);
    expect(Array.from(await (kept[2] as (typeof kept)[0]).x.data())).toEqual([8, 9]);
    expect(Array.from(await (kept[1] as (typeof kept)[0]).y.data())).toEqual([2, 3]);
    expect((kept[0] as (typeof kept)[0]).y.dtype).toBe('int32');
    for (const b of kept) tf.dispose([b.x, b.y]);
    const dropped = await data.batch(2, { dropRemainder: true }).toArray();
    expect(dropped.map((b) => b.x.shape)).toEqual([
      [2, 2],
      [2, 2],
    ]);
    for (const b of dropped) tf.dispose([b.x, b.y]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  });

  test('several inputs and outputs: arrays and records of tensors are batched in their structure', async () => {
    const a = tf.ones([3, 2]);
    const b = tf.zeros([3, 4]);
    const y = tf.tensor1d([1, 2, 3]);
    const before = tf.memory().numTensors;
    const [batch] = await fromTensors({ x: { a, b }, y: [y] })
      .batch(3)
      .toArray();
    expect(batch?.x.a.shape).toEqual([3, 2]);
    expect(batch?.x.b.shape).toEqual([3, 4]);
    expect(Array.from(await (batch as NonNullable<typeof batch>).y[0]!.data())).toEqual([1, 2, 3]);
    tf.dispose(batch as never);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b, y]);
  });

  test('shuffle: deterministic for a seed, another seed another order, each iteration its own order', async () => {
    const data = rows(20);
    const before = tf.memory().numTensors;
    const order = (seed: number, options = {}) => fromTensors(data).shuffle(5, seed, options);
    const a = order(3);
    const b = order(3);
    const [a1, a2, b1, b2] = [await readX(a), await readX(a), await readX(b), await readX(b)];
    expect(a1).toEqual(b1);
    expect(a2).toEqual(b2);
    expect(a1).not.toEqual(a2);
    expect(await readX(order(4))).not.toEqual(a1);
    const fixed = order(3, { reshuffleEachIteration: false });
    expect(await readX(fixed)).toEqual(await readX(fixed));
    // Every row exactly once; a buffer of 5 moves a row at most 4 places earlier (it waits in the buffer).
    expect(a1.flat().sort((p, q) => p - q)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    a1.flat().forEach((value, position) => {
      expect(value).toBeLessThanOrEqual(position + 4);
    });
    const full = await readX(fromTensors(data).shuffle(20, 1));
    expect(full.flat()).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(tf.memory().numTensors).toBe(before);
    data.dispose();
  });

  test('map runs in tidy; the input tensors its output does not hold are disposed, the others passed on', async () => {
    const data = rows(4);
    const before = tf.memory().numTensors;
    const doubled = fromTensors(data).map(({ x, y }) => ({ x: tf.mul(tf.add(x, 0), 2), y }));
    const out = await doubled.batch(4).toArray();
    expect(Array.from(await (out[0] as (typeof out)[0]).x.data())).toEqual([0, 2, 4, 6]);
    expect(Array.from(await (out[0] as (typeof out)[0]).y.data())).toEqual([0, 10, 20, 30]);
    tf.dispose(out as never);
    expect(tf.memory().numTensors).toBe(before);
    const asynchronous = fromTensors(data).map(async (row) => row);
    await expect(asynchronous.toArray()).rejects.toThrow(
      /Dataset\.map: expected transform to return its element, got a Promise/,
    );
    expect(tf.memory().numTensors).toBe(before);
    data.dispose();
  });

  test('prefetch keeps the order and reads ahead; take stops and closes the source', async () => {
    let made = 0;
    let closed = 0;
    const counting = fromGenerator(function* () {
      try {
        for (let i = 0; i < 10; i++) {
          made++;
          yield { x: tf.scalar(i), y: tf.scalar(-i) };
        }
      } finally {
        closed++;
      }
    });
    const before = tf.memory().numTensors;
    expect(await readX(counting.prefetch(3))).toEqual(await readX(counting));
    made = 0;
    const iterator = counting.prefetch(2)[Symbol.asyncIterator]();
    const first = await iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(made).toBe(1 + 2); // the element handed out and two read ahead
    tf.dispose(first.value as never);
    await iterator.return?.();
    expect(tf.memory().numTensors).toBe(before); // the two read ahead were disposed on return
    closed = 0;
    expect(await readX(counting.take(3))).toEqual([[0], [1], [2]]);
    expect(closed).toBe(1);
    expect(await readX(counting.take(0))).toEqual([]);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('stopping early frees what shuffle, batch and prefetch hold; fromGenerator restarts each time', async () => {
    let starts = 0;
    const source = fromGenerator(async function* () {
      starts++;
      for (let i = 0; i < 100; i++) yield { x: tf.fill([3], i), y: tf.scalar(i) };
    });
    const pipeline = source.shuffle(16, 2).batch(4).prefetch(2);
    const before = tf.memory().numTensors;
    for (let pass = 0; pass < 3; pass++) {
      let seen = 0;
      for await (const batch of pipeline) {
        tf.dispose([batch.x, batch.y]);
        if (++seen === 2) break;
      }
      expect(tf.memory().numTensors).toBe(before);
    }
    expect(starts).toBe(3);
    const all = await readX(source.take(5));
    expect(all).toEqual([0, 1, 2, 3, 4].map((i) => [i, i, i]));
    expect(tf.memory().numTensors).toBe(before);
  });

  test('bad rows and bad arguments are refused, naming the function; nothing leaks', async () => {
    const uneven = fromGenerator(function* () {
      yield { x: tf.zeros([2]), y: tf.scalar(0) };
      yield { x: tf.zeros([3]), y: tf.scalar(1) };
    });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 50; i++)
      await expect(uneven.batch(2).toArray()).rejects.toThrow(
        /Dataset\.batch: expected row\.x of the same shape in every row of a batch, got \[2\] in row 0 and \[3\]/,
      );
    const numbers = fromGenerator(function* () {
      yield { x: 1, y: 2 };
    });
    await expect(numbers.batch(2).toArray()).rejects.toThrow(
      /Dataset\.batch: expected rows of tensors \(alone, in arrays or in records\), got number at row\.x/,
    );
    expect(tf.memory().numTensors).toBe(before);
    const x = tf.zeros([3, 2]);
    const y = tf.zeros([2]);
    expect(() => fromTensors({ x, y })).toThrow(
      /fromTensors: expected every tensor with the same number of rows \(>= 1\), got \[3,2\] at data\.x and \[2\]/,
    );
    expect(() => fromTensors({ x: [], y } as never)).toThrow(
      /fromTensors: expected data\.x to be a tensor, a non-empty array/,
    );
    expect(() => fromTensors(x as never)).toThrow(/fromTensors: expected data to be \{ x, y \}, got a tf\.Tensor/);
    const data = fromTensors({ x, y: x });
    expect(() => data.shuffle(0)).toThrow(/Dataset\.shuffle: expected bufferSize to be a positive integer, got 0/);
    expect(() => data.shuffle(4, 1.5)).toThrow(/Dataset\.shuffle: expected seed to be an integer, got 1\.5/);
    expect(() => data.shuffle(4, 1, { reshuffle: false } as never)).toThrow(
      /Dataset\.shuffle: unknown key 'reshuffle' in options \(did you mean 'reshuffleEachIteration'\?/,
    );
    expect(() => data.batch(2.5)).toThrow(/Dataset\.batch: expected size to be a positive integer, got 2\.5/);
    expect(() => data.batch(2, { dropRemainder: 1 } as never)).toThrow(
      /Dataset\.batch: expected dropRemainder to be true or false/,
    );
    expect(() => data.prefetch(0)).toThrow(/Dataset\.prefetch: expected count to be a positive integer, got 0/);
    expect(() => data.take(-1)).toThrow(/Dataset\.take: expected count to be an integer >= 0, got -1/);
    expect(() => data.map(3 as never)).toThrow(/Dataset\.map: expected transform to be a function, got number/);
    expect(() => fromGenerator([] as never)).toThrow(/fromGenerator: expected a generator function, got an array of 0/);
    await expect(fromGenerator(() => 5 as never).toArray()).rejects.toThrow(
      /fromGenerator: expected the generator function to return a generator, an iterator or an iterable, got number/,
    );
    expect(() => new Dataset(null as never)).toThrow(/Dataset: expected open to be a function/);
    tf.dispose([x, y]);
  });
});

test('a Dataset is a plain async iterable: for await works, and iterators are independent', async () => {
  const data = fromGenerator(function* () {
    yield 1;
    yield 2;
  });
  const seen: number[] = [];
  for await (const value of data) seen.push(value);
  const [a, b] = [data[Symbol.asyncIterator](), data[Symbol.asyncIterator]()];
  expect([(await a.next()).value, (await a.next()).value, (await b.next()).value]).toEqual([1, 2, 1]);
  expect(seen).toEqual([1, 2]);
});
