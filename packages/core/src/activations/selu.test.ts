import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { createRandom } from '../random/seeded-random.js';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expectMatchesReference, referenceGrid } from '../../test/float64-reference.js';
import { selu } from './selu.js';
import { expectFiniteAtExtremes } from '../../test/torch-case.js';

// Klambauer et al. (2017), as PyTorch's torch.nn.SELU.
const alpha = 1.6732632423543772;
const scale = 1.0507009873554805;
const reference = {
  value: (x: number) => (x > 0 ? scale * x : scale * alpha * Math.expm1(x)),
  derivative: (x: number) => (x > 0 ? scale : scale * alpha * Math.exp(x)),
};

describeEachBackend('selu', () => {
  test('values and gradient against the formula in float64, -6 to 6 (1.7581 at 0, as PyTorch)', async () => {
    await expectMatchesReference(selu, referenceGrid, reference);
    await expectMatchesReference(selu, [0], reference);
  });

  test('self-normalising: selu of N(0, 1) has mean about 0 and variance about 1', async () => {
    const rng = createRandom(9);
    const x = tf.tensor(Array.from({ length: 8192 }, () => rng.normal()));
    const y = selu(x);
    const { mean, variance } = tf.moments(y);
    const [m, v] = [(await mean.data())[0] as number, (await variance.data())[0] as number];
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(v - 1)).toBeLessThan(0.05);
    tf.dispose([x, y, mean, variance]);
  });

  test('+/-100 and +/-1e4: finite values and gradients', async () => {
    await expectFiniteAtExtremes(selu);
    await expectMatchesReference(selu, [-1e4, -100, 100, 1e4], reference, { atol: 1e-5, rtol: 1e-6 });
    const x = tf.tensor([-1e4]);
    const y = selu(x);
    await expectTensorsClose(y, [-scale * alpha], { atol: 1e-6, rtol: 0 });
    tf.dispose([x, y]);
  });

  test('bad input and no leaks, gradient included', async () => {
    const ints = tf.tensor([1], [1], 'int32');
    expect(() => selu(ints)).toThrow(/^selu: expected x of dtype float32, got int32$/);
    const x = tf.tensor([-3, 0, 3]);
    await expectNoLeakedTensors(() => [selu(x), tf.grad((t: tf.Tensor) => tf.sum(selu(t)))(x)]);
    tf.dispose([ints, x]);
  });
});
