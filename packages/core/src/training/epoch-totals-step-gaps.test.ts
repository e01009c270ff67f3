// EpochTotals on its own (survivors of the training-step mutation part): loss means are weighted by
// their rows and correct counts are summed as they are, whether read already or summed on the
// device; read() joins both, starts a new epoch, and nothing stays on the device.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend } from '../testing.js';
import { EpochTotals } from './epoch-totals.js';
import type { MeasureLayout } from './output-measures.js';

const layout: MeasureLayout = { names: ['loss', 'loss.a', 'accuracy.a'], counts: [false, false, true] };

describeEachBackend('EpochTotals', () => {
  test('read batches and device batches: losses times rows, counts as they are, summed together', async () => {
    const before = tf.memory().numTensors;
    const totals = new EpochTotals();
    try {
      expect(totals.rows).toBe(0);
      totals.addRead(layout, [0.5, 0.25, 3], 4);
      totals.addRead(layout, [1.5, 2, 1], 2);
      expect(totals.rows).toBe(6);
      for (const [values, rows] of [
        [[2, 1, 5], 8],
        [[0.125, 4, 2], 3],
      ] as const) {
        const measured = tf.tensor1d(values as unknown as number[]);
        totals.addOnDevice(layout, measured, rows);
        measured.dispose();
      }
      expect(totals.rows).toBe(17);
      // One device tensor holds the running sum of the device batches, whatever their number.
      expect(tf.memory().numTensors).toBe(before + 1);
      const { sums, rows } = await totals.read();
      expect(rows).toBe(17);
      expect(sums).toEqual([0.5 * 4 + 1.5 * 2 + 2 * 8 + 0.125 * 3, 0.25 * 4 + 2 * 2 + 1 * 8 + 4 * 3, 3 + 1 + 5 + 2]);
      // read() started a new epoch: nothing left on the device, no rows, no sums.
      expect(tf.memory().numTensors).toBe(before);
      expect(totals.rows).toBe(0);
      totals.addRead(layout, [1, 1, 1], 1);
      expect(await totals.read()).toEqual({ sums: [1, 1, 1], rows: 1 });
    } finally {
      totals.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  test('only device batches, or only read ones; dispose() drops everything', async () => {
    const before = tf.memory().numTensors;
    const device = new EpochTotals();
    const measured = tf.tensor1d([0.5, 0.75, 2]);
    device.addOnDevice(layout, measured, 4);
    measured.dispose();
    expect(await device.read()).toEqual({ sums: [2, 3, 2], rows: 4 });
    const read = new EpochTotals();
    read.addRead({ names: ['loss'], counts: [false] }, [0.5], 3);
    expect(await read.read()).toEqual({ sums: [1.5], rows: 3 });
    const dropped = new EpochTotals();
    const again = tf.tensor1d([1, 1, 1]);
    dropped.addOnDevice(layout, again, 2);
    dropped.addRead(layout, [1, 1, 1], 2);
    again.dispose();
    dropped.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(dropped.rows).toBe(0);
    expect(await dropped.read()).toEqual({ sums: [], rows: 0 });
  });
});
