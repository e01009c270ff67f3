import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { loadTorchFixture, torchFixtureNames, type TorchFixtureCase } from '@baihua/test-fixtures';
import { avgPool3d, maxPool3d } from '../index.js';
import type { PoolPadding } from './conv-checks.js';
import type { Pooling3DOptions } from './volume-options.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';

type Triple = [number, number, number];

/** conv3d-section pool cases name their geometry: 'maxPool3d_2x2x1_s1' is pool [2, 2, 1], stride 1, 'valid'. */
function optionsFromName(name: string): Pooling3DOptions {
  const [, pool, stride] = /^\w+Pool3d_([\dx]+)_s(\d)$/.exec(name) ?? [];
  const sizes = (pool ?? '').split('x').map(Number);
  return { poolSize: sizes.length === 1 ? (sizes[0] as number) : (sizes as Triple), strides: Number(stride) };
}

/** volumeOps cases store it: poolSize, stride, padding. */
function optionsFromFields(c: TorchFixtureCase): Pooling3DOptions {
  return {
    poolSize: c.get('poolSize') as Triple,
    strides: c.number('stride'),
    padding: c.get('padding') as PoolPadding,
  };
}

const poolCases: [string, string, Pooling3DOptions][] = [
  ...torchFixtureNames('conv3d')
    .filter((name) => /Pool3d_/.test(name))
    .map((name): [string, string, Pooling3DOptions] => ['conv3d', name, optionsFromName(name)]),
  ...torchFixtureNames('volumeOps')
    .filter((name) => /Pool3d_/.test(name))
    .map((name): [string, string, Pooling3DOptions] => [
      'volumeOps',
      name,
      optionsFromFields(loadTorchFixture('volumeOps', name)),
    ]),
];

describe('pool3d fixture coverage', () => {
  test("max and avg, 'valid' and 'same' on odd sizes, and tied maxima", () => {
    const names = poolCases.map(([, name]) => name);
    expect(names.filter((name) => name.startsWith('maxPool3d')).length).toBeGreaterThanOrEqual(3);
    expect(names.filter((name) => name.startsWith('avgPool3d')).length).toBeGreaterThanOrEqual(2);
    expect(poolCases.filter(([, , o]) => o.padding === 'same').length).toBe(2);
    expect(names.filter((name) => name.includes('ties')).length).toBe(2);
  });
});

describeEachBackend('maxPool3d and avgPool3d against PyTorch', () => {
  test.each(poolCases)('%s %s: values and the gradient', async (section, name, options) => {
    const c = loadTorchFixture(section, name);
    const pool = name.startsWith('max') ? maxPool3d : avgPool3d;
    const [x, dy] = [c.tensor('x'), c.tensor('dy')];
    const y = pool(x, options);
    const dx = tf.grad((v: tf.Tensor) => pool(v, options))(x, dy);
    try {
      await expectTensorsClose(y, c.spec('y'));
      await expectTensorsClose(dx, c.spec('dx'));
    } finally {
      tf.dispose([x, dy, y, dx]);
    }
  });

  test('ties: the gradient goes to the first maximum in depth-row-column order (stock tfjs: the last)', async () => {
    const tied = tf.tensor5d([0, 5, 5, 1, 5, 0, 0, 0], [1, 2, 2, 2, 1]);
    const negative = tf.tensor5d([-3, -2, -1, -1, -5, -4, -1, -2], [1, 2, 2, 2, 1]);
    const [dTied, dNegative] = [tied, negative].map((x) => tf.grad((v: tf.Tensor) => maxPool3d(v, { poolSize: 2 }))(x));
    try {
      expect(Array.from(await dTied!.data())).toEqual([0, 1, 0, 0, 0, 0, 0, 0]);
      expect(Array.from(await dNegative!.data())).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
    } finally {
      tf.dispose([tied, negative, dTied, dNegative] as tf.Tensor[]);
    }
  });

  test("avgPool3d's gradient divides by the voxels inside a 'same' window (stock tfjs: the full window)", async () => {
    const x = tf.ones([1, 3, 1, 1, 1]);
    const dx = tf.grad((v: tf.Tensor) => avgPool3d(v, { poolSize: [2, 1, 1], padding: 'same' }))(x);
    try {
      expect(Array.from(await dx.data())).toEqual([0.5, 0.5, 1]);
    } finally {
      tf.dispose([x, dx]);
    }
  });

  test("'same' output sizes are ceil(n / s); strides default to the window", () => {
    const x = tf.zeros([1, 5, 4, 3, 2]);
    const shapes: number[][] = [];
    tf.tidy(() => {
      shapes.push(maxPool3d(x, { poolSize: 2, padding: 'same' }).shape);
      shapes.push(avgPool3d(x, { poolSize: [3, 1, 2], strides: 1, padding: 'same' }).shape);
      shapes.push(avgPool3d(x, { poolSize: [5, 2, 1] }).shape);
    });
    x.dispose();
    expect(shapes).toEqual([
      [1, 3, 2, 2, 2],
      [1, 5, 4, 3, 2],
      [1, 1, 2, 3, 2],
    ]);
  });

  test('leaves no tensors behind, forward and backward', async () => {
    const x = tf.randomUniform([1, 3, 4, 3, 2], -1, 1, 'float32', 5);
    for (const pool of [maxPool3d, avgPool3d]) {
      await expectNoLeakedTensors(() => pool(x, { poolSize: 2, strides: 1, padding: 'same' }));
      await expectNoLeakedTensors(() => tf.grad((v: tf.Tensor) => pool(v, { poolSize: 2, padding: 'same' }))(x));
    }
    x.dispose();
  });
});

describe('pool3d bad input', () => {
  const x = (): tf.Tensor[] => [tf.zeros([1, 4, 5, 6, 2])];
  const cases: [string, () => tf.Tensor[], (...t: tf.Tensor[]) => unknown, RegExp][] = [
    [
      'a rank-4 volume',
      () => [tf.zeros([4, 5, 6, 2])],
      (a) => maxPool3d(a!, { poolSize: 2 }),
      /maxPool3d: expected input of rank 5, got rank 4 \(shape \[4,5,6,2\]\)/,
    ],
    ['unknown option', x, (a) => avgPool3d(a!, { poolSize: 2, stride: 2 } as Pooling3DOptions), /avgPool3d: .*stride/],
    [
      'strides triple with a fraction',
      x,
      (a) => maxPool3d(a!, { poolSize: 2, strides: [2, 1.5, 2] }),
      /maxPool3d: expected strides\[1\] to be a positive integer, got 1.5/,
    ],
    [
      'no poolSize',
      x,
      (a) => avgPool3d(a!, {} as Pooling3DOptions),
      /avgPool3d: expected poolSize to be a positive integer or a \[depth, height, width\] triple, got undefined/,
    ],
    [
      'window too big for valid',
      x,
      (a) => maxPool3d(a!, { poolSize: [5, 2, 2] }),
      /maxPool3d: pool window 5x2x2 is larger than the input 4x5x6 .* with padding 'valid'/,
    ],
    [
      'padding full',
      x,
      (a) => avgPool3d(a!, { poolSize: 2, padding: 'full' as PoolPadding }),
      /avgPool3d: expected padding to be one of 'valid', 'same', got "full"/,
    ],
  ];
  test.each(cases)('%s: a clear error, thrown before any tensor is created', (_label, operands, call, message) => {
    expectCleanThrow(operands, call, message);
    expectCleanThrow(operands, call, message);
  });
});
