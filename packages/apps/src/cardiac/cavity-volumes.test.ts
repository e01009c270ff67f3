import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { cardiacReport } from './cardiac-report.js';
import { cavityVolumes } from './cavity-volumes.js';
import { diceCoefficient } from './dice-coefficient.js';
import { voxelVolumeMl } from './voxel-spacing.js';

describeEachBackend('cavityVolumes', () => {
  test('a known mask: 2 x 3 x 4 voxels of 8 x 1.5 x 1.5 mm in phase 0, none in phase 1, half in phase 2', async () => {
    const values = new Float32Array(3 * 4 * 5 * 6);
    for (let z = 0; z < 2; z++) for (let y = 0; y < 3; y++) for (let x = 0; x < 4; x++) values[(z * 5 + y) * 6 + x] = 1;
    for (let i = 0; i < 60; i++) values[2 * 120 + i] = i % 2 === 0 ? 0.7 : 0.3; // probabilities: 30 of 60 >= 0.5
    const masks = tf.tensor(values, [3, 4, 5, 6]);
    try {
      const volumes = await expectNoLeakedTensors(() => cavityVolumes(masks, [8, 1.5, 1.5]));
      const voxel = (8 * 1.5 * 1.5) / 1000;
      expect(volumes[0]).toBeCloseTo(24 * voxel, 10);
      expect(volumes[1]).toBe(0);
      expect(volumes[2]).toBeCloseTo(30 * voxel, 10);
      const withChannel = tf.reshape(masks, [3, 4, 5, 6, 1]);
      expect(await cavityVolumes(withChannel, [8, 1.5, 1.5], { threshold: 0.25 })).toEqual([24 * voxel, 0, 60 * voxel]);
      withChannel.dispose();
      const integers = tf.cast(masks, 'int32');
      const booleans = tf.cast(masks, 'bool');
      expect((await cavityVolumes(integers, [8, 1.5, 1.5]))[0]).toBeCloseTo(24 * voxel, 10);
      expect((await cavityVolumes(booleans, [8, 1.5, 1.5]))[0]).toBeCloseTo(24 * voxel, 10);
      tf.dispose([integers, booleans]);
    } finally {
      masks.dispose();
    }
  });

  test('masks empty in every phase: volumes all 0, and their EF is refused as undefined, nothing leaked', async () => {
    const masks = tf.zeros([3, 4, 4, 4, 1]);
    try {
      const volumes = await expectNoLeakedTensors(() => cavityVolumes(masks, [8, 1.5, 1.5]));
      expect(volumes).toEqual([0, 0, 0]);
      expect(() => cardiacReport(volumes)).toThrow(
        /ejectionFraction: expected a cavity in at least one phase, got volume 0 in all 3 \(EF undefined\)/,
      );
    } finally {
      masks.dispose();
    }
  });

  test('wrong rank, several channels, zero or negative spacing, bad threshold: errors, no leak', async () => {
    const cases: [number[], unknown, unknown, RegExp, typeof ArgumentError | typeof ShapeError][] = [
      [
        [4, 5, 6],
        [1, 1, 1],
        {},
        /cavityVolumes: expected masks of rank 4 or 5, got rank 3 \(shape \[4,5,6\]\)/,
        ShapeError,
      ],
      [
        [2, 4, 5, 6, 2],
        [1, 1, 1],
        {},
        /cavityVolumes: expected masks of one channel.*got shape \[2,4,5,6,2\]/,
        ShapeError,
      ],
      [
        [2, 4, 5, 6],
        [0, 1, 1],
        {},
        /cavityVolumes: expected spacing to be \[dz, dy, dx\] in mm.*got \[0,1,1\]/,
        ArgumentError,
      ],
      [[2, 4, 5, 6], [1, -2, 1], {}, /got \[1,-2,1\]/, ArgumentError],
      [[2, 4, 5, 6], [1, 1], {}, /expected spacing to be \[dz, dy, dx\]/, ArgumentError],
      [
        [2, 4, 5, 6],
        [1, 1, 1],
        { threshold: 0 },
        /cavityVolumes: expected options.threshold in \(0, 1\]/,
        ArgumentError,
      ],
      [[2, 4, 5, 6], [1, 1, 1], { treshold: 0.5 }, /unknown key 'treshold'/, ArgumentError],
    ];
    for (const [shape, spacing, options, message, kind] of cases) {
      const masks = tf.zeros(shape);
      const before = tf.memory().numTensors;
      await expect(cavityVolumes(masks, spacing as never, options as never)).rejects.toThrow(message);
      await expect(cavityVolumes(masks, spacing as never, options as never)).rejects.toThrow(kind);
      expect(tf.memory().numTensors).toBe(before);
      masks.dispose();
    }
  });
});

test('voxelVolumeMl: dz dy dx / 1000; a zero spacing is refused', () => {
  expect(voxelVolumeMl([10, 2, 5])).toBe(0.1);
  expect(() => voxelVolumeMl([10, 0, 5])).toThrow(/voxelVolumeMl: expected spacing to be \[dz, dy, dx\] in mm/);
});

test('diceCoefficient: 2 |A n B| / (|A| + |B|), 1 for two empty masks, refuses different lengths', () => {
  expect(diceCoefficient([1, 1, 0, 0], [1, 0, 0, 0])).toBeCloseTo(2 / 3, 12);
  expect(diceCoefficient([0.9, 0.2], [0.6, 0.4])).toBe(1);
  expect(diceCoefficient(new Uint8Array(4), new Uint8Array(4))).toBe(1);
  expect(diceCoefficient([1, 0], [0, 1])).toBe(0);
  expect(() => diceCoefficient([1], [1, 0])).toThrow(
    /diceCoefficient: expected truth and predicted of the same length, got 1 and 2/,
  );
});
