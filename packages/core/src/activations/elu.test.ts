import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { elu } from './elu.js';
import { expectFiniteAtExtremes, expectMatchesTorchCase, normalFloats, readAndDispose } from '../../test/torch-case.js';

describeEachBackend('elu', () => {
  test('matches PyTorch with alpha 1 (the default) and alpha 0.5: values and gradient', async () => {
    await expectMatchesTorchCase('elu_alpha1', (x) => elu(x));
    await expectMatchesTorchCase('elu_alpha0.5', (x) => elu(x, { alpha: 0.5 }));
  });

  test('gradient at x = 0 is alpha, as PyTorch', async () => {
    const x = tf.tensor([0]);
    const dx = tf.grad((t: tf.Tensor) => tf.sum(elu(t, { alpha: 0.5 })))(x);
    await expectTensorsClose(dx, [0.5], { atol: 0, rtol: 1e-6 });
    tf.dispose([x, dx]);
  });

  test('finite at +/-1e4 (e^x never overflows)', async () => {
    await expectFiniteAtExtremes((x) => elu(x));
    await expectFiniteAtExtremes((x) => elu(x, { alpha: 2 }));
  });

  test('property: output above -alpha, equal to x for x > 0', async () => {
    await fc.assert(
      fc.asyncProperty(normalFloats(-100, 100, 8), fc.float({ min: 0, max: 3, noNaN: true }), async (values, alpha) => {
        const x = tf.tensor(values);
        const y = await readAndDispose(elu(x, { alpha }));
        x.dispose();
        y.forEach((v, i) => {
          const input = Math.fround(values[i] as number);
          expect(v).toBeGreaterThanOrEqual(-alpha * (1 + 1e-6));
          if (input > 0) expect(v).toBe(input);
        });
      }),
      { numRuns: 20, seed: 14 },
    );
  });

  test('bad input: non-tensor, negative or NaN alpha', () => {
    const x = tf.tensor([1]);
    expect(() => elu('x' as unknown as tf.Tensor)).toThrow(/^elu: expected x to be a tf\.Tensor, got string$/);
    expect(() => elu(x, { alpha: -1 })).toThrow(/^elu: expected alpha >= 0, got -1$/);
    expect(() => elu(x, { alpha: Number.NaN })).toThrow(/^elu: expected alpha to be a finite number, got NaN$/);
    expect(() => elu(x, { alpha: Infinity })).toThrow(/^elu: expected alpha to be a finite number, got Infinity$/);
    expect(() => elu(x, { alfa: 2 } as never)).toThrow(
      /^elu: unknown key 'alfa' in options \(did you mean 'alpha'\? known: alpha\)$/,
    );
    x.dispose();
  });

  test('leaves no tensors behind, gradient included', async () => {
    const x = tf.tensor([-1, 0, 1]);
    await expectNoLeakedTensors(() => [elu(x), tf.grad((t: tf.Tensor) => tf.sum(elu(t, { alpha: 0.5 })))(x)]);
    x.dispose();
  });
});
