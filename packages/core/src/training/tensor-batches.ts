import * as tf from '@tensorflow/tfjs-core';
import type { SeededRandom } from '../random/seeded-random.js';
import type { BatchSource, TrainingBatch } from './batch-source.js';
import type { ArrangedData } from './labelled-data.js';

/** Options of {@link tensorBatches}. */
export interface TensorBatchOptions {
  batchSize: number;
  /** Reorder the rows at every epoch's start. */
  shuffle: boolean;
  random: SeededRandom;
  /** Every row's class (class weights), or undefined. */
  classes: readonly number[] | undefined;
}

/**
 * Mini-batches of rows of tensors: ceil(N / batchSize) per epoch (the last may be smaller), rows
 * reshuffled at every epoch's start with the seeded generator. Each batch gathers its rows from
 * every input and output tensor; `release()` frees the gathered copies.
 *
 * @example const source = tensorBatches(train, { batchSize: 32, shuffle: true, random, classes: undefined });
 * In plain words: deal the deck into handfuls, shuffling it before every round.
 */
export function tensorBatches(data: ArrangedData, options: TensorBatchOptions): BatchSource {
  const { batchSize, shuffle, random, classes } = options;
  const order = Array.from({ length: data.rows }, (_, i) => i);
  let start = 0;
  return {
    batchesPerEpoch: Math.ceil(data.rows / batchSize),
    beginEpoch() {
      if (shuffle) random.shuffle(order);
      start = 0;
    },
    async next(): Promise<TrainingBatch | undefined> {
      if (start >= data.rows) return undefined;
      const rows = order.slice(start, start + batchSize);
      start += batchSize;
      const { xs, ys } = tf.tidy(() => {
        const index = tf.tensor1d(rows, 'int32');
        return { xs: data.xs.map((x) => tf.gather(x, index)), ys: data.ys.map((y) => tf.gather(y, index)) };
      });
      return {
        xs,
        ys,
        rows: rows.length,
        classes: classes && rows.map((r) => classes[r] as number),
        release: () => tf.dispose([...xs, ...ys]),
      };
    },
    async endEpoch() {},
    async close() {},
  };
}
