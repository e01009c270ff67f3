import * as tf from '@tensorflow/tfjs-core';
import type { MeasureLayout } from './output-measures.js';

/**
 * Sums of an epoch's measures over its rows (each batch's loss means times its rows, correct
 * counts as they are): in plain numbers for batches already read back, on the device for the
 * others, so an epoch whose batches are never read costs one read at its end. `dispose()` frees
 * the device sums (also on error).
 */
export class EpochTotals {
  private sums: number[] = [];
  private onDevice: tf.Tensor | undefined;
  private rowCount = 0;

  /** Rows added since the epoch began. */
  get rows(): number {
    return this.rowCount;
  }

  /** Adds a batch whose measures (in `layout` order) were read. */
  addRead(layout: MeasureLayout, values: readonly number[], rows: number): void {
    layout.counts.forEach((isCount, i) => {
      this.sums[i] = (this.sums[i] ?? 0) + (values[i] as number) * (isCount ? 1 : rows);
    });
    this.rowCount += rows;
  }

  /** Adds a batch without reading it: its measures, scaled, join the device sum. */
  addOnDevice(layout: MeasureLayout, measured: tf.Tensor, rows: number): void {
    const previous = this.onDevice;
    this.onDevice = tf.tidy(() => {
      const scaled = tf.mul(measured, tf.tensor1d(layout.counts.map((isCount) => (isCount ? 1 : rows))));
      return previous ? tf.add(previous, scaled) : scaled;
    });
    previous?.dispose();
    this.rowCount += rows;
  }

  /** The epoch's sums and rows (one device read if any batch was summed there); starts a new epoch. */
  async read(): Promise<{ sums: number[]; rows: number }> {
    const sums = [...this.sums];
    if (this.onDevice) {
      const device = Array.from(await this.onDevice.data());
      device.forEach((value, i) => {
        sums[i] = (sums[i] ?? 0) + value;
      });
    }
    const totals = { sums, rows: this.rowCount };
    this.dispose();
    return totals;
  }

  dispose(): void {
    this.onDevice?.dispose();
    this.onDevice = undefined;
    this.sums = [];
    this.rowCount = 0;
  }
}
