import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { relu } from './relu.js';
import { expectFiniteAtExtremes, expectMatchesTorchCase, normalFloats, readAndDispose } from '../../test/torch-case.js';

describeEachBackend('relu', () => {
  test('matches PyTorch: values and gradient (0 at x = 0)', async () => {
    await expectMatchesTorchCase('relu', relu);
  });

  test('gradient at the kink is 0, as PyTorch', async () => {
    const x = tf.tensor([-1, 0, 1]);
    const dx = tf.grad((t: tf.Tensor) => tf.sum(relu(t)))(x);
    await expectTensorsClose(dx, [0, 0, 1], { atol: 0, rtol: 0 });
    tf.dispose([x, dx]);
  });

  test('finite at +/-1e4', async () => {
    await expectFiniteAtExtremes(relu);
  });

  test('property: relu(x) - relu(-x) = x and relu >= 0', async () => {
    await fc.assert(
      fc.asyncProperty(normalFloats(-1e4, 1e4, 8), async (values) => {
        const x = tf.tensor(values);
        const y = await readAndDispose(relu(x));
        const yNegated = await readAndDispose(tf.tidy(() => relu(tf.neg(x))));
        x.dispose();
        expect(y.every((v) => v >= 0)).toBe(true);
        y.forEach((v, i) => expect(v - (yNegated[i] as number)).toBe(Math.fround(values[i] as number)));
      }),
      { numRuns: 20, seed: 13 },
    );
  });

  test('bad input: a clear error', () => {
    expect(() => relu(3 as unknown as tf.Tensor)).toThrow(/^relu: expected x to be a tf\.Tensor, got number$/);
  });

  test('leaves no tensors behind, gradient included', async () => {
    const x = tf.tensor([-1, 0, 1]);
    await expectNoLeakedTensors(() => [relu(x), tf.grad((t: tf.Tensor) => tf.sum(relu(t)))(x)]);
    x.dispose();
  });
});
