import type * as tf from '@tensorflow/tfjs-core';

/** One training batch, in the model's input and output order. */
export interface TrainingBatch {
  xs: tf.Tensor[];
  ys: tf.Tensor[];
  rows: number;
  /** Each row's class, when class weights need it. */
  classes: number[] | undefined;
  /** Frees what the source made for this batch (after the step). */
  release(): void;
}

/**
 * Where `fit` takes its batches from, epoch by epoch: rows of tensors (see tensorBatches) or a
 * stream (see streamBatches). The loop asks `next()` until it gives undefined, the end of the epoch.
 */
export interface BatchSource {
  /** Batches per epoch when known before it runs: tensors; a stream with stepsPerEpoch, or after its first epoch. */
  readonly batchesPerEpoch: number | undefined;
  beginEpoch(epoch: number): void;
  next(): Promise<TrainingBatch | undefined>;
  endEpoch(): Promise<void>;
  /** Frees what the source still holds (at the end of fit, also on error). */
  close(): Promise<void>;
}
