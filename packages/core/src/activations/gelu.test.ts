import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expectMatchesReference, referenceErf, referenceGrid } from '../../test/float64-reference.js';
import { gelu } from './gelu.js';
import { expectFiniteAtExtremes } from '../../test/torch-case.js';

// Exact GELU in float64: x Phi(x), Phi'(x) = phi(x); erf from a series independent of tfjs's.
const cdf = (x: number) => 0.5 * (1 + referenceErf(x / Math.SQRT2));
const density = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
const reference = { value: (x: number) => x * cdf(x), derivative: (x: number) => cdf(x) + x * density(x) };

describeEachBackend('gelu', () => {
  test('values and gradient against x Phi(x) in float64 (erf form), -6 to 6', async () => {
    await expectMatchesReference(gelu, referenceGrid, reference);
  });

  test("PyTorch's values: gelu(1) = 0.8413, gelu(-1) = -0.1587; gradient 0.5 at 0", async () => {
    const x = tf.tensor([-1, 0, 1]);
    const y = gelu(x);
    const dx = tf.grad((t: tf.Tensor) => tf.sum(gelu(t)))(x);
    await expectTensorsClose(y, [-0.15865525393145707, 0, 0.8413447460685429]);
    await expectTensorsClose(dx, [-0.08331547058768624, 0.5, 1.0833154705876862]);
    tf.dispose([x, y, dx]);
  });

  test('+/-100 and +/-1e4: values x and 0, gradients 1 and 0, all finite', async () => {
    await expectFiniteAtExtremes(gelu);
    await expectMatchesReference(gelu, [-1e4, -100, 100, 1e4], reference, { atol: 1e-6, rtol: 1e-6 });
  });

  test('bad input and no leaks, gradient included', async () => {
    expect(() => gelu([1] as never)).toThrow(/^gelu: expected x to be a tf\.Tensor, got an array$/);
    const x = tf.tensor([-3, 0, 3]);
    await expectNoLeakedTensors(() => [gelu(x), tf.grad((t: tf.Tensor) => tf.sum(gelu(t)))(x)]);
    x.dispose();
  });
});
