import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { softmax } from './softmax.js';
import { expectFiniteAtExtremes, expectMatchesTorchCase, normalFloats, readAndDispose } from '../../test/torch-case.js';

/** Softmax of `values` (shape [outer, size, inner], row-major) along the middle axis, in float64. */
function referenceSoftmax(values: number[], outer: number, size: number, inner: number): number[] {
  const out = new Array<number>(values.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const at = (k: number) => (o * size + k) * inner + i;
      let max = -Infinity;
      for (let k = 0; k < size; k++) max = Math.max(max, values[at(k)] as number);
      let sum = 0;
      for (let k = 0; k < size; k++) sum += Math.exp((values[at(k)] as number) - max);
      for (let k = 0; k < size; k++) out[at(k)] = Math.exp((values[at(k)] as number) - max) / sum;
    }
  }
  return out;
}

describeEachBackend('softmax', () => {
  test('matches PyTorch along the last axis: values and gradient', async () => {
    await expectMatchesTorchCase('softmax_lastAxis', (x) => softmax(x));
    await expectMatchesTorchCase('softmax_lastAxis', (x) => softmax(x, { axis: 1 }));
  });

  test('a non-last axis: values against a float64 reference, gradient s (dy - sum(s dy))', async () => {
    const values = Array.from({ length: 24 }, (_, i) => Math.sin(i * 1.7) * 4);
    const upstream = Array.from({ length: 24 }, (_, i) => Math.cos(i * 0.9));
    const x = tf.tensor(values, [2, 3, 4]);
    const dy = tf.tensor(upstream, [2, 3, 4]);
    const s = referenceSoftmax(values, 2, 3, 4);
    const expectedGradient = s.map((_, index) => {
      const o = Math.floor(index / 12);
      const i = index % 4;
      let dot = 0;
      for (let k = 0; k < 3; k++) dot += (s[o * 12 + k * 4 + i] as number) * (upstream[o * 12 + k * 4 + i] as number);
      return (s[index] as number) * ((upstream[index] as number) - dot);
    });
    for (const axis of [1, -2]) {
      const y = softmax(x, { axis });
      const dx = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(softmax(t, { axis }), dy)))(x);
      await expectTensorsClose(y, { shape: [2, 3, 4], data: s });
      await expectTensorsClose(dx, { shape: [2, 3, 4], data: expectedGradient });
      tf.dispose([y, dx]);
    }
    const first = softmax(x, { axis: 0 });
    await expectTensorsClose(first, { shape: [2, 3, 4], data: referenceSoftmax(values, 1, 2, 12) });
    tf.dispose([x, dy, first]);
  });

  test('extreme logits (+/-1e4): finite values and gradients, a one-hot row', async () => {
    const rows = [1e4, -1e4, 0, -1e4, -1e4, -1e4, 1e4, 1e4, -1e4];
    await expectFiniteAtExtremes((x) => softmax(x), rows, [3, 3]);
    await expectFiniteAtExtremes((x) => softmax(x, { axis: 0 }), rows, [3, 3]);
    const x = tf.tensor(rows, [3, 3]);
    const y = softmax(x);
    await expectTensorsClose(
      y,
      [
        [1, 0, 0],
        [1 / 3, 1 / 3, 1 / 3],
        [0.5, 0.5, 0],
      ],
      { atol: 1e-6, rtol: 0 },
    );
    tf.dispose([x, y]);
  });

  test('property: every row sums to 1 and lies in [0, 1]', async () => {
    await fc.assert(
      fc.asyncProperty(normalFloats(-100, 100, 15), async (values) => {
        const x = tf.tensor(values, [3, 5]);
        const y = await readAndDispose(softmax(x));
        x.dispose();
        expect(y.every((v) => v >= 0 && v <= 1)).toBe(true);
        for (let r = 0; r < 3; r++)
          expect(Math.abs(y.slice(r * 5, r * 5 + 5).reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-5);
      }),
      { numRuns: 20, seed: 15 },
    );
  });

  test('bad input: rank 0, axis out of range or not an integer, int32', () => {
    const scalar = tf.scalar(1);
    const matrix = tf.zeros([2, 3]);
    const ints = tf.tensor([1, 2], [2], 'int32');
    expect(() => softmax(scalar)).toThrow(/^softmax: expected x of rank >= 1, got rank 0 \(shape \[\]\)$/);
    expect(() => softmax(matrix, { axis: 2 })).toThrow(
      /^softmax: expected axis in \[-2, 1\] for a rank-2 tensor, got 2$/,
    );
    expect(() => softmax(matrix, { axis: -3 })).toThrow(
      /^softmax: expected axis in \[-2, 1\] for a rank-2 tensor, got -3$/,
    );
    expect(() => softmax(matrix, { axis: 0.5 })).toThrow(
      /^softmax: expected axis in \[-2, 1\] for a rank-2 tensor, got 0\.5$/,
    );
    expect(() => softmax(matrix, { axis: '1' as unknown as number })).toThrow(
      /^softmax: expected axis to be an integer, got string 1$/,
    );
    expect(() => softmax(ints)).toThrow(/^softmax: expected x of dtype float32, got int32$/);
    expect(() => softmax(matrix, { axes: 0 } as never)).toThrow(
      /^softmax: unknown key 'axes' in options \(did you mean 'axis'\? known: axis\)$/,
    );
    expect(() => softmax(matrix, 0 as never)).toThrow(
      /^softmax: expected options to be an object such as \{ axis: -1 \}, got number 0$/,
    );
    expect(() => softmax({ shape: 3 } as unknown as tf.Tensor)).toThrow(
      /^softmax: expected x to be a tf\.Tensor, got object$/,
    );
    tf.dispose([scalar, matrix, ints]);
  });

  test('leaves no tensors behind, gradient and transposed axis included', async () => {
    const x = tf.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    await expectNoLeakedTensors(() => [
      softmax(x),
      softmax(x, { axis: 0 }),
      tf.grad((t: tf.Tensor) => tf.sum(tf.square(softmax(t, { axis: 0 }))))(x),
    ]);
    x.dispose();
  });
});
