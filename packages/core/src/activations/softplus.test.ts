import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expectMatchesReference, referenceGrid, referenceSigmoid } from '../../test/float64-reference.js';
import { softplus } from './softplus.js';
import { expectFiniteAtExtremes } from '../../test/torch-case.js';

// log(1 + e^x) without overflow: max(x, 0) + log1p(e^-|x|).
const reference = {
  value: (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
  derivative: referenceSigmoid,
};

describeEachBackend('softplus', () => {
  test('values and gradient against log(1 + e^x) in float64, -6 to 6 and around the +/-13.9 switch', async () => {
    await expectMatchesReference(softplus, [...referenceGrid, -20, -14, -13.5, 13.5, 14, 20], reference);
  });

  test('+/-100: finite, 100 and about 0 (3.7e-44, 0 on GPUs), gradients 1 and 0', async () => {
    const x = tf.tensor([-100, 100]);
    const y = softplus(x);
    const dx = tf.grad((t: tf.Tensor) => tf.sum(softplus(t)))(x);
    await expectTensorsClose(y, [0, 100], { atol: 1e-30, rtol: 0 });
    await expectTensorsClose(dx, [0, 1], { atol: 1e-30, rtol: 0 });
    tf.dispose([x, y, dx]);
  });

  test('finite at +/-1e4, gradient too', async () => {
    await expectFiniteAtExtremes(softplus);
    await expectMatchesReference(softplus, [-1e4, 1e4], reference, { atol: 1e-6, rtol: 1e-6 });
  });

  test('bad input and no leaks, gradient included', async () => {
    expect(() => softplus(2 as never)).toThrow(/^softplus: expected x to be a tf\.Tensor, got number$/);
    const x = tf.tensor([-3, 0, 3]);
    await expectNoLeakedTensors(() => [softplus(x), tf.grad((t: tf.Tensor) => tf.sum(softplus(t)))(x)]);
    x.dispose();
  });
});
