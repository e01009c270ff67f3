import { ArgumentError } from '../errors/argument-error.js';
import type { BatchSource, TrainingBatch } from './batch-source.js';
import { closePass, readStreamBatch, type StreamSource } from './batch-stream.js';
import { readClasses } from './class-weighting.js';
import type { ModelSlots } from './labelled-data.js';

/** Options of {@link streamBatches}. */
export interface StreamBatchOptions {
  fn: string;
  /** The argument's name in messages ('data'). */
  argument: string;
  slots: ModelSlots;
  /** Cap on batches per epoch; required for a one-shot iterator. */
  stepsPerEpoch: number | undefined;
  epochs: number;
  /** Read each batch's classes (class weights; one output). */
  wantClasses: boolean;
}

/**
 * Batches from a stream, epoch by epoch: a re-iterable source is iterated anew every epoch (up to
 * `stepsPerEpoch` batches, the rest of that pass closed); a one-shot iterator continues where the
 * previous epoch stopped, `stepsPerEpoch` at a time, and running out is an error. Each batch is
 * checked against the model; `release()` disposes it unless it came from an array.
 *
 * @example
 * const options = { fn: 'fit', argument: 'data', slots, stepsPerEpoch: 100, epochs: 3, wantClasses: false };
 * const source = streamBatches(stream, options);
 * In plain words: take handfuls from the flow until the round is over.
 */
export function streamBatches(stream: StreamSource, options: StreamBatchOptions): BatchSource {
  const { fn, argument, slots, stepsPerEpoch, epochs, wantClasses } = options;
  let iterator: AsyncIterator<unknown> | Iterator<unknown> | undefined;
  let epoch = 0;
  let count = 0;
  let learned: number | undefined;
  return {
    get batchesPerEpoch() {
      return stepsPerEpoch ?? learned;
    },
    beginEpoch(e) {
      epoch = e;
      count = 0;
      iterator = stream.open();
    },
    async next(): Promise<TrainingBatch | undefined> {
      if (!iterator || (stepsPerEpoch !== undefined && count >= stepsPerEpoch)) return undefined;
      const result = await iterator.next();
      if (result.done) {
        if (!stream.reiterable)
          throw new ArgumentError(
            fn,
            `expected ${argument} (a one-shot iterator) to yield stepsPerEpoch x epochs = ` +
              `${(stepsPerEpoch ?? 0) * epochs} batches, got ${epoch * (stepsPerEpoch ?? 0) + count}: it ran out in ` +
              `epoch ${epoch + 1}; yield more, or pass a Dataset or another iterable that each epoch iterates anew`,
          );
        if (count === 0)
          throw new ArgumentError(
            fn,
            `expected ${argument} to yield at least one batch, got none in epoch ${epoch + 1}`,
          );
        return undefined;
      }
      count++;
      const batch = readStreamBatch(fn, argument, result.value, count, slots, stream.owned);
      let classes: number[] | undefined;
      try {
        if (wantClasses) classes = await readClasses(batch.ys[0] as NonNullable<(typeof batch.ys)[0]>);
      } catch (error) {
        batch.release();
        throw error;
      }
      return { ...batch, classes };
    },
    async endEpoch() {
      if (iterator) await closePass(stream, iterator);
      iterator = undefined;
      learned ??= count;
    },
    async close() {
      if (iterator) await closePass(stream, iterator);
      iterator = undefined;
    },
  };
}
