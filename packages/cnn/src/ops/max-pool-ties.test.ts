// Exact ties in max pooling: every backend must send a tied window's gradient to ONE element, the
// first maximum in row-major window order (the documented rule, tfjs cpu's and PyTorch's). The
// reference below is plain JavaScript, independent of tfjs's kernels.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { maxPool2d, type PoolingOptions } from '../index.js';
import { convAxisGeometry } from './conv-output-size.js';

interface TieCase {
  label: string;
  shape: [number, number, number, number];
  values: number[];
  options: PoolingOptions;
}

/** dx of sum(dy * maxPool2d(x)): dy of each window added at the window's first maximum. */
function firstMaximumGradient(c: TieCase, dy: number[]): number[] {
  const [batch, height, width, channels] = c.shape;
  const pool = typeof c.options.poolSize === 'number' ? [c.options.poolSize, c.options.poolSize] : c.options.poolSize;
  const strideOption = c.options.strides ?? pool;
  const stride = typeof strideOption === 'number' ? [strideOption, strideOption] : strideOption;
  const padding = c.options.padding ?? 'valid';
  const rows = convAxisGeometry(height, pool[0] as number, { padding, stride: stride[0] as number });
  const cols = convAxisGeometry(width, pool[1] as number, { padding, stride: stride[1] as number });
  const dx = new Array<number>(c.values.length).fill(0);
  let y = 0;
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < rows.outputSize; i++) {
      for (let j = 0; j < cols.outputSize; j++) {
        for (let d = 0; d < channels; d++, y++) {
          let at = -1;
          for (let r = i * (stride[0] as number) - rows.padBefore, n = 0; n < (pool[0] as number); r++, n++) {
            for (let s = j * (stride[1] as number) - cols.padBefore, m = 0; m < (pool[1] as number); s++, m++) {
              if (r < 0 || r >= height || s < 0 || s >= width) continue;
              const index = ((b * height + r) * width + s) * channels + d;
              if (at < 0 || (c.values[index] as number) > (c.values[at] as number)) at = index;
            }
          }
          dx[at] = (dx[at] as number) + (dy[y] as number);
        }
      }
    }
  }
  return dx;
}

const relu6 = (v: number): number => Math.min(6, Math.max(0, v));
const tieCases: TieCase[] = [
  { label: 'all-zero windows', shape: [1, 4, 4, 1], values: new Array(16).fill(0), options: { poolSize: 2 } },
  {
    label: 'all-equal windows, two channels, a batch of 2',
    shape: [2, 4, 4, 2],
    values: Array.from({ length: 64 }, (_, k) => (k % 2 === 0 ? 1.5 : -2)),
    options: { poolSize: 2 },
  },
  {
    label: 'relu6-saturated input (ties at 0 and at 6)',
    shape: [1, 4, 6, 1],
    values: [-3, 7, 2, 9, 0, -1, 8, -2, 6, 6.5, -4, 3, 1, 10, -5, 5, 12, 6, 6, 0, -1, 7, 0.5, 0].map(relu6),
    options: { poolSize: [2, 3] },
  },
  {
    label: 'quantised input, overlapping windows (pool 3, stride 1)',
    shape: [1, 5, 5, 1],
    values: Array.from({ length: 25 }, (_, k) => Math.round(Math.sin(k * 1.7) * 2) / 2),
    options: { poolSize: 3, strides: 1 },
  },
  {
    label: "constant input, 'same' padding at the edges (pool 3, stride 2)",
    shape: [1, 5, 6, 1],
    values: new Array(30).fill(0.25),
    options: { poolSize: 3, strides: 2, padding: 'same' },
  },
  {
    label: "all-negative ties, 'same' padding, pool 2 stride 1",
    shape: [1, 3, 3, 1],
    values: [-1, -1, -2, -1, -3, -1, -2, -1, -1],
    options: { poolSize: 2, strides: 1, padding: 'same' },
  },
];

describeEachBackend('max pooling with exact ties: the gradient goes to the first maximum', () => {
  test.each(tieCases)('$label', async (c) => {
    const x = tf.tensor4d(c.values, c.shape);
    const y = maxPool2d(x, c.options);
    // Distinct upstream gradients, so a window sending to the wrong element cannot cancel out.
    const dyValues = Array.from({ length: y.size }, (_, k) => k + 1);
    const dy = tf.tensor(dyValues, y.shape);
    const dx = tf.grad((xi: tf.Tensor) => maxPool2d(xi, c.options))(x, dy);
    const expected = firstMaximumGradient(c, dyValues);
    expect(Array.from(await dx.data())).toEqual(expected);
    tf.dispose([x, y, dy, dx]);
  });

  test('the reference itself: a 2x2 all-zero window sends everything to its top-left element', async () => {
    const c: TieCase = { label: '', shape: [1, 2, 2, 1], values: [0, 0, 0, 0], options: { poolSize: 2 } };
    expect(firstMaximumGradient(c, [5])).toEqual([5, 0, 0, 0]);
    const x = tf.zeros([1, 2, 2, 1]);
    const dx = tf.grad((xi: tf.Tensor) => maxPool2d(xi, { poolSize: 2 }))(x, tf.fill([1, 1, 1, 1], 5));
    await expectTensorsClose(dx, [
      [
        [[5], [0]],
        [[0], [0]],
      ],
    ]);
    tf.dispose([x, dx]);
  });
});
