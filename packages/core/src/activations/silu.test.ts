import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expectMatchesReference, referenceGrid, referenceSigmoid } from '../../test/float64-reference.js';
import { silu } from './silu.js';
import { expectFiniteAtExtremes } from '../../test/torch-case.js';

const reference = {
  value: (x: number) => x * referenceSigmoid(x),
  derivative: (x: number) => referenceSigmoid(x) * (1 + x * (1 - referenceSigmoid(x))),
};

describeEachBackend('silu', () => {
  test('values and gradient against x sigma(x) in float64, -6 to 6', async () => {
    await expectMatchesReference(silu, referenceGrid, reference);
  });

  test('its minimum: about -0.2785 at x = -1.2785, where the gradient is 0', async () => {
    const x = tf.tensor([-1.2784645]);
    const y = silu(x);
    const dx = tf.grad((t: tf.Tensor) => tf.sum(silu(t)))(x);
    await expectTensorsClose(y, [-0.27846454], { atol: 1e-6, rtol: 0 });
    await expectTensorsClose(dx, [0], { atol: 1e-6, rtol: 0 });
    tf.dispose([x, y, dx]);
  });

  test('+/-100 and +/-1e4: values 0 and x, gradients 0 and 1, all finite', async () => {
    await expectFiniteAtExtremes(silu);
    await expectMatchesReference(silu, [-1e4, -100, 100, 1e4], reference, { atol: 1e-6, rtol: 1e-6 });
  });

  test('bad input and no leaks, gradient included', async () => {
    expect(() => silu(undefined as never)).toThrow(/^silu: expected x to be a tf\.Tensor, got undefined$/);
    const x = tf.tensor([-3, 0, 3]);
    await expectNoLeakedTensors(() => [silu(x), tf.grad((t: tf.Tensor) => tf.sum(silu(t)))(x)]);
    x.dispose();
  });
});
