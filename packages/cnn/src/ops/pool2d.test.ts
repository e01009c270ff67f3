import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { avgPool2d, globalAvgPool2d, globalMaxPool2d, l2Pool2d, maxPool2d, type PoolingOptions } from '../index.js';
import { expectCleanThrow } from '../../test/expect-clean-throw.js';
import { loadTorchFixture, torchFixtureNames } from '@baihua/test-fixtures';

type PoolOp = (x: tf.Tensor, options: PoolingOptions) => tf.Tensor;
const pools: Record<string, PoolOp> = { maxPool: maxPool2d, avgPool: avgPool2d, l2Pool: l2Pool2d };
const poolCases = torchFixtureNames('convPool').filter((name) => /^(max|avg|l2)Pool_/.test(name));

/** 'maxPool_3x3_s1' -> the op, poolSize 3, strides 1. */
function parseCase(name: string): { op: PoolOp; options: PoolingOptions } {
  const match = /^(\w+)_(\d+)x(\d+)_s(\d+)$/.exec(name);
  if (!match) throw new Error(`unexpected pool case name ${name}`);
  const [, kind, ph, pw, stride] = match;
  return {
    op: pools[kind as string] as PoolOp,
    options: { poolSize: [Number(ph), Number(pw)], strides: Number(stride) },
  };
}

describe('pool fixture coverage', () => {
  test('max, avg and L2 pooling are all in the fixtures', () => {
    expect(new Set(poolCases.map((n) => n.split('_')[0]))).toEqual(new Set(['maxPool', 'avgPool', 'l2Pool']));
  });
});

describeEachBackend('pooling against PyTorch', () => {
  test.each(poolCases)('%s: values and input gradient', async (name) => {
    const c = loadTorchFixture('convPool', name);
    const { op, options } = parseCase(name);
    const [x, dy] = [c.tensor('x'), c.tensor('dy')];
    const y = op(x, options);
    const dx = tf.grad((xi: tf.Tensor) => op(xi, options))(x, dy);
    await expectTensorsClose(y, c.spec('y'));
    await expectTensorsClose(dx, c.spec('dx'));
    tf.dispose([x, dy, y, dx]);
  });

  // Stock wasm sends it to the window's first element.
  test("max pooling sends an all-negative window's gradient to its maximum", async () => {
    const x = tf.tensor4d([-1, -2, -3, -0.5], [1, 2, 2, 1]);
    const dx = tf.grad((xi: tf.Tensor) => maxPool2d(xi, { poolSize: 2 }))(x);
    await expectTensorsClose(dx, [
      [
        [[0], [0]],
        [[0], [1]],
      ],
    ]);
    tf.dispose([x, dx]);
  });

  test("'same' padding: max and average windows cut at the border, L2 counts padding as zeros", async () => {
    const x = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const options: PoolingOptions = { poolSize: 2, padding: 'same' };
    await expectTensorsClose(maxPool2d(x, options), [
      [
        [[5], [6]],
        [[8], [9]],
      ],
    ]);
    await expectTensorsClose(avgPool2d(x, options), [
      [
        [[3], [4.5]],
        [[7.5], [9]],
      ],
    ]);
    await expectTensorsClose(l2Pool2d(x, options), [
      [
        [[Math.sqrt(1 + 4 + 16 + 25)], [Math.sqrt(9 + 36)]],
        [[Math.sqrt(49 + 64)], [9]],
      ],
    ]);
    x.dispose();
  });

  test('L2 pooling of an all-zero window has value 0 and gradient 0, not NaN', async () => {
    const x = tf.tensor4d([0, 0, 0, 0, 3, 4, 0, 0], [1, 2, 4, 1]);
    const dx = tf.grad((xi: tf.Tensor) => l2Pool2d(xi, { poolSize: 2 }))(x);
    await expectTensorsClose(dx, [
      [
        [[0], [0], [0], [0]],
        [[0.6], [0.8], [0], [0]],
      ],
    ]);
    tf.dispose([x, dx]);
  });

  test('global average and max pooling, with and without keepDims', async () => {
    const x = tf.tensor4d([1, -1, 2, -2, 3, -3, 4, -4], [1, 2, 2, 2]);
    await expectTensorsClose(globalAvgPool2d(x), [[2.5, -2.5]]);
    await expectTensorsClose(globalMaxPool2d(x), [[4, -1]]);
    expect(globalAvgPool2d(x, { keepDims: true }).shape).toEqual([1, 1, 1, 2]);
    const dx = tf.grad((xi: tf.Tensor) => globalMaxPool2d(xi))(x);
    await expectTensorsClose(dx, [
      [
        [
          [0, 1],
          [0, 0],
        ],
        [
          [0, 0],
          [1, 0],
        ],
      ],
    ]);
    tf.dispose([x, dx]);
  });

  test('leaves no tensors behind', async () => {
    const x = tf.ones([1, 5, 5, 2]);
    for (const op of Object.values(pools)) {
      await expectNoLeakedTensors(() =>
        tf.grad((xi: tf.Tensor) => op(xi, { poolSize: 2, strides: 1, padding: 'same' }))(x),
      );
    }
    x.dispose();
  });
});

describe('pooling bad input', () => {
  const x = (): tf.Tensor[] => [tf.zeros([1, 4, 4, 2])];
  const cases: [string, () => tf.Tensor[], (t: tf.Tensor) => unknown, RegExp][] = [
    [
      'input rank 3',
      () => [tf.zeros([4, 4, 2])],
      (t) => maxPool2d(t, { poolSize: 2 }),
      /maxPool2d: expected input of rank 4, got rank 3 \(shape \[4,4,2\]\)/,
    ],
    [
      'window larger than the input',
      x,
      (t) => avgPool2d(t, { poolSize: [5, 2] }),
      /avgPool2d: pool window 5x2 is larger than the input 4x4 .* with padding 'valid'/,
    ],
    [
      'pool size 0',
      x,
      (t) => l2Pool2d(t, { poolSize: 0 }),
      /l2Pool2d: expected poolSize to be a positive integer, got 0/,
    ],
    [
      'pool size missing',
      x,
      (t) => maxPool2d(t, {} as PoolingOptions),
      /maxPool2d: expected poolSize to be a positive integer or a \[height, width\] pair, got undefined/,
    ],
    [
      'negative stride',
      x,
      (t) => maxPool2d(t, { poolSize: 2, strides: -1 }),
      /maxPool2d: expected strides to be a positive integer, got -1/,
    ],
    [
      "'full' padding",
      x,
      (t) => maxPool2d(t, { poolSize: 2, padding: 'full' as 'same' }),
      /maxPool2d: expected padding to be one of 'valid', 'same', got "full"/,
    ],
    [
      'global pool of rank 2',
      () => [tf.zeros([2, 3])],
      (t) => globalAvgPool2d(t),
      /globalAvgPool2d: expected input of rank 4, got rank 2/,
    ],
  ];
  test.each(cases)('%s: a clear error, thrown before any tensor is created', (_label, operands, call, message) => {
    expectCleanThrow(operands, (...t: tf.Tensor[]) => call(t[0] as tf.Tensor), message);
  });
});
