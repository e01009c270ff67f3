import { createRandom } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { specAugment } from './index.js';

const [frames, depth] = [12, 7];
const options = { timeMasks: 2, maxTimeWidth: 4, frequencyMasks: 2, maxFrequencyWidth: 3 };
/** Features with no zero entry, so every 0 in the output is a mask. */
const values = Array.from({ length: frames }, (_, t) => Array.from({ length: depth }, (_, d) => 1 + t * depth + d));

/** The documented draws, redone in plain loops: keep[t][d] = 0 where a time or a frequency band covers it. */
function referenceKeep(seed: number, plan: typeof options): number[][] {
  const random = createRandom(seed);
  const bands = (size: number, count: number, widest: number) => {
    const keep = new Array<number>(size).fill(1);
    for (let b = 0; b < count; b++) {
      const width = random.integer(Math.min(widest, size) + 1);
      const start = random.integer(size - width + 1);
      for (let i = start; i < start + width; i++) keep[i] = 0;
    }
    return keep;
  };
  const rows = bands(frames, plan.timeMasks, plan.maxTimeWidth);
  const columns = bands(depth, plan.frequencyMasks, plan.maxFrequencyWidth);
  return rows.map((r) => columns.map((c) => r * c));
}

/** values * keep, elementwise, as nested arrays. */
function masked(rows: number[][], keep: number[][]): number[][] {
  return rows.map((row, t) => row.map((v, d) => v * (keep[t]?.[d] ?? 1)));
}

describeEachBackend('specAugment: time and frequency masking', () => {
  test('zeroes exactly the drawn frame and feature bands, keeps every other value, and is seeded', async () => {
    for (const seed of [5, 11]) {
      const keep = referenceKeep(seed, options);
      // The case must mask something on both axes, or it could not tell masking from a copy.
      expect(keep.some((row) => row.every((k) => k === 0))).toBe(true);
      expect(keep[0]?.some((_, d) => keep.every((row) => row[d] === 0))).toBe(true);
      await expectNoLeakedTensors(async () => {
        const x = tf.tensor2d(values);
        try {
          const y = specAugment(x, createRandom(seed), options);
          await expectTensorsClose(y, masked(values, keep), {
            atol: 0,
          });
          y.dispose();
        } finally {
          x.dispose();
        }
      });
    }
  });

  test('no masks is a copy; widths beyond the size clamp to it; a fresh draw per call', async () => {
    await expectNoLeakedTensors(async () => {
      const x = tf.tensor2d(values);
      const random = createRandom(3);
      const none = specAugment(x, random, { timeMasks: 0, frequencyMasks: 0 });
      const wide = specAugment(x, createRandom(4), { ...options, maxTimeWidth: 50, maxFrequencyWidth: 50 });
      const [first, second] = [specAugment(x, random), specAugment(x, random)];
      try {
        await expectTensorsClose(none, x, { atol: 0 });
        const keep = referenceKeep(4, { ...options, maxTimeWidth: 50, maxFrequencyWidth: 50 });
        await expectTensorsClose(wide, masked(values, keep));
        expect(await first.array()).not.toEqual(await second.array());
      } finally {
        tf.dispose([x, none, wide, first, second]);
      }
    });
  });

  test('gradient: dy where kept, 0 where masked', async () => {
    await expectNoLeakedTensors(async () => {
      const x = tf.tensor2d(values);
      const dy = tf.tensor2d(values.map((row) => row.map((v) => Math.sin(v))));
      try {
        const gradient = tf.grad((input: tf.Tensor) =>
          tf.sum(tf.mul(specAugment(input as tf.Tensor2D, createRandom(5), options), dy)),
        )(x);
        const keep = referenceKeep(5, options);
        const dyValues = (await dy.array()) as number[][];
        await expectTensorsClose(gradient, masked(dyValues, keep));
        gradient.dispose();
      } finally {
        tf.dispose([x, dy]);
      }
    });
  });

  test('bad input: clear errors naming function and argument, nothing leaked on repeat', async () => {
    const x = tf.tensor2d(values);
    const [vector, whole] = [tf.zeros([4]), tf.zeros([2, 2], 'int32')];
    const random = createRandom(1);
    const cases: [() => unknown, string][] = [
      [() => specAugment(vector as never, random), 'specAugment: expected features of rank 2'],
      [() => specAugment(whole as never, random), 'specAugment: expected features of dtype float32, got int32'],
      [() => specAugment(x, undefined as never), 'specAugment: expected random to be a SeededRandom'],
      [() => specAugment(x, random, { timeMasks: -1 }), 'specAugment: expected options.timeMasks >= 0, got -1'],
      [
        () => specAugment(x, random, { maxFrequencyWidth: 1.5 }),
        'specAugment: expected options.maxFrequencyWidth to be a whole number, got 1.5',
      ],
      [() => specAugment(x, random, { masks: 2 } as never), "specAugment: unknown key 'masks' in options"],
    ];
    try {
      for (let round = 0; round < 2; round++)
        await expectNoLeakedTensors(() => {
          for (const [call, message] of cases) expect(call).toThrow(message);
        });
    } finally {
      tf.dispose([x, vector, whole]);
    }
  });
});
