import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Sequential, createRandom } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { classifierAccuracy } from './classifier-accuracy.js';
import { distillationReport, formatDistillationReport } from './distillation-report.js';

function models() {
  // Parameters by hand: 64*8 + 8 + 8*4 + 4 = 556 and 64*4 + 4 = 260.
  const big = new Sequential({
    seed: 1,
    layers: [new Dense({ units: 8, activation: 'relu' }), new Dense({ units: 4 })],
  });
  const small = new Sequential({ seed: 2, layers: [new Dense({ units: 4 })] });
  const random = createRandom(9);
  const x = tf.tensor2d(
    Float32Array.from({ length: 20 * 64 }, () => random.next()),
    [20, 64],
  );
  const y = tf.tidy(() => tf.cast(tf.argMax(big.apply(x), -1), 'int32')); // the big model is right by definition
  return { big, small, x, y };
}

describeEachBackend('distillationReport', (backend) => {
  test('parameter counts, accuracies against argmax by hand, a latency per backend, nothing leaked', async () => {
    const { big, small, x, y } = models();
    try {
      const [truth, smallLogits] = [await y.data(), await tf.tidy(() => small.apply(x)).data()];
      const byHand =
        Array.from(truth).filter((label, n) => {
          const row = Array.from(smallLogits.subarray(4 * n, 4 * n + 4));
          return row.indexOf(Math.max(...row)) === label;
        }).length / 20;
      const test = { x, y };
      const entries = [
        { name: 'big', model: big, test },
        { name: 'small', model: small, test },
      ];
      let report: Awaited<ReturnType<typeof distillationReport>> | undefined;
      await expectNoLeakedTensors(async () => {
        report = await distillationReport(entries, {
          backends: [backend, 'nope'],
          batchSize: 8,
          warmup: 1,
          repeats: 2,
        });
      });
      const { rows, backends, skipped } = report as NonNullable<typeof report>;
      expect(tf.getBackend()).toBe(backend);
      expect(rows.map((r) => [r.name, r.parameters, r.accuracy])).toEqual([
        ['big', 556, 1],
        ['small', 260, byHand],
      ]);
      expect(await classifierAccuracy('t', (images) => small.apply(images), test, 7)).toBe(byHand);
      expect(backends).toEqual([backend]);
      for (const row of rows) expect(row.msPerBatch[backend]).toBeGreaterThan(0);
      expect(skipped.map((s) => s.backend)).toEqual(['nope']);
    } finally {
      tf.dispose([x, y]);
      big.dispose();
      small.dispose();
    }
  });
});

test('distillationReport times the models on other backends and selects the first one again', async () => {
  const { big, small, x, y } = models();
  const before = tf.getBackend();
  try {
    const entries = [
      { name: 'big', model: big, test: { x, y } },
      { name: 'small', model: small, test: { x, y } },
    ];
    const report = await distillationReport(entries, {
      backends: ['wasm', 'cpu'],
      batchSize: 4,
      warmup: 0,
      repeats: 1,
    });
    expect(tf.getBackend()).toBe(before);
    expect(report.backends).toEqual(['wasm', 'cpu']);
    const table = formatDistillationReport(report).split('\n');
    expect(table[0]).toBe('| model | parameters | accuracy | wasm ms / batch of 4 | cpu ms / batch of 4 |');
    expect(table[2]).toMatch(/^\| big \| 556 \| 100\.00% \| \d+\.\d\d \| \d+\.\d\d \|$/);
    await expect(distillationReport([], {})).rejects.toThrow(/^distillationReport: expected entries to be a non-empty/);
    await expect(
      distillationReport([{ name: 'f', model: ((t: tf.Tensor) => t) as never, test: { x, y } }]),
    ).rejects.toThrow(/^distillationReport: expected entries\[0\]\.model to be a core model/);
    await expect(distillationReport(entries, { repeat: 3 } as never)).rejects.toThrow(/repeat/);
    await expect(distillationReport(entries, { repeats: 0 })).rejects.toThrow(/^backendLatency: expected repeats/);
  } finally {
    tf.dispose([x, y]);
    big.dispose();
    small.dispose();
  }
});
