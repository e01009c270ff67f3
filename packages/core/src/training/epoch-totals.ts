import * as tf from '@tensorflow/tfjs-core';
import type { ComputedStep } from './step-computation.js';

/**
 * Sums of an epoch's loss (each batch's mean times its rows) and correct predictions: in plain
 * numbers for batches already read back, on the device for the others, so an epoch whose batches
 * are never read costs one read at its end. `dispose()` frees the device sums (also on error).
 */
export class EpochTotals {
  private loss = 0;
  private correct = 0;
  private onDevice: tf.Tensor | undefined;

  /** Adds a batch whose figures were read. */
  addRead(loss: number, correct: number, rows: number): void {
    this.loss += loss * rows;
    this.correct += correct;
  }

  /** Adds a batch without reading it: [loss * rows, correct] joins the device sum. */
  addOnDevice(step: ComputedStep, rows: number): void {
    const previous = this.onDevice;
    this.onDevice = tf.tidy(() => {
      const batch = tf.stack([tf.mul(step.loss, rows), step.correct ?? tf.scalar(0)]);
      return previous ? tf.add(previous, batch) : batch;
    });
    previous?.dispose();
  }

  /** The epoch's sums (one device read if any batch was summed there); starts a new epoch. */
  async read(): Promise<{ loss: number; correct: number }> {
    if (this.onDevice) {
      const [loss, correct] = Array.from(await this.onDevice.data()) as [number, number];
      this.addRead(loss, correct, 1);
    }
    const totals = { loss: this.loss, correct: this.correct };
    this.dispose();
    return totals;
  }

  dispose(): void {
    this.onDevice?.dispose();
    this.onDevice = undefined;
    this.loss = 0;
    this.correct = 0;
  }
}
