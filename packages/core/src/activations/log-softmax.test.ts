import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { logSoftmax } from './log-softmax.js';
import { softmax } from './softmax.js';
import { expectFiniteAtExtremes, expectMatchesTorchCase, normalFloats, readAndDispose } from '../../test/torch-case.js';

describeEachBackend('logSoftmax', () => {
  test('matches PyTorch along the last axis: values and gradient', async () => {
    await expectMatchesTorchCase('logSoftmax_lastAxis', (x) => logSoftmax(x));
    await expectMatchesTorchCase('logSoftmax_lastAxis', (x) => logSoftmax(x, { axis: -1 }));
  });

  test('a non-last axis equals the last-axis result on the transposed input, gradient too', async () => {
    const x = tf.tensor(
      Array.from({ length: 12 }, (_, i) => Math.sin(i * 2.3) * 5),
      [3, 4],
    );
    const dy = tf.tensor(
      Array.from({ length: 12 }, (_, i) => Math.cos(i)),
      [3, 4],
    );
    const y = logSoftmax(x, { axis: 0 });
    const expected = tf.tidy(() => tf.transpose(logSoftmax(tf.transpose(x))));
    const dx = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(logSoftmax(t, { axis: 0 }), dy)))(x);
    // d/dx_j of sum_i dy_i (x_i - lse) = dy_j - softmax_j * sum_i dy_i, along axis 0.
    const expectedGradient = tf.tidy(() => tf.sub(dy, tf.mul(softmax(x, { axis: 0 }), tf.sum(dy, 0, true))));
    await expectTensorsClose(y, expected);
    await expectTensorsClose(dx, expectedGradient);
    tf.dispose([x, dy, y, expected, dx, expectedGradient]);
  });

  test('extreme logits (+/-1e4): finite, and -2e4 where softmax underflows to 0', async () => {
    const rows = [1e4, -1e4, 0, -1e4, -1e4, -1e4];
    await expectFiniteAtExtremes((x) => logSoftmax(x), rows, [2, 3]);
    const x = tf.tensor(rows, [2, 3]);
    const y = logSoftmax(x);
    await expectTensorsClose(y, [
      [0, -2e4, -1e4],
      [-Math.log(3), -Math.log(3), -Math.log(3)],
    ]);
    tf.dispose([x, y]);
  });

  test('property: logSoftmax = log(softmax) wherever softmax is not tiny; exp sums to 1', async () => {
    await fc.assert(
      fc.asyncProperty(normalFloats(-60, 60, 15), async (values) => {
        const x = tf.tensor(values, [3, 5]);
        const logs = await readAndDispose(logSoftmax(x));
        const probabilities = await readAndDispose(softmax(x));
        x.dispose();
        logs.forEach((v, i) => {
          expect(v).toBeLessThanOrEqual(0);
          const p = probabilities[i] as number;
          if (p > 1e-30) expect(Math.abs(v - Math.log(p))).toBeLessThan(1e-4 * Math.max(1, Math.abs(v)));
        });
        for (let r = 0; r < 3; r++) {
          const total = logs.slice(r * 5, r * 5 + 5).reduce((a, b) => a + Math.exp(b), 0);
          expect(Math.abs(total - 1)).toBeLessThan(1e-5);
        }
      }),
      { numRuns: 20, seed: 16 },
    );
  });

  test('bad input: rank 0, axis out of range', () => {
    const scalar = tf.scalar(1);
    const vector = tf.zeros([3]);
    expect(() => logSoftmax(scalar)).toThrow(/^logSoftmax: expected x of rank >= 1, got rank 0 \(shape \[\]\)$/);
    expect(() => logSoftmax(vector, { dim: 0 } as never)).toThrow(
      /^logSoftmax: unknown key 'dim' in options \(known: axis\)$/,
    );
    expect(() => logSoftmax(vector, { axis: 1 })).toThrow(
      /^logSoftmax: expected axis in \[-1, 0\] for a rank-1 tensor, got 1$/,
    );
    expect(() => logSoftmax(vector, [0] as unknown as { axis: number })).toThrow(
      /^logSoftmax: expected options to be an object/,
    );
    tf.dispose([scalar, vector]);
  });

  test('leaves no tensors behind, gradient included', async () => {
    const x = tf.tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    await expectNoLeakedTensors(() => [
      logSoftmax(x, { axis: 0 }),
      tf.grad((t: tf.Tensor) => tf.sum(logSoftmax(t)))(x),
    ]);
    x.dispose();
  });
});
