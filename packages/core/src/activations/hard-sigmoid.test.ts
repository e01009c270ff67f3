import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expectMatchesReference, referenceGrid } from '../../test/float64-reference.js';
import { hardSigmoid } from './hard-sigmoid.js';
import { expectFiniteAtExtremes } from '../../test/torch-case.js';

// tfjs-layers' and Keras 2's form; the ends x = +/-2.5 belong to the slope (tfjs's clipByValue gradient).
const reference = {
  value: (x: number) => Math.min(1, Math.max(0, 0.2 * x + 0.5)),
  derivative: (x: number) => (x >= -2.5 && x <= 2.5 ? 0.2 : 0),
};

describeEachBackend('hardSigmoid', () => {
  test('values and gradient against clip(0.2 x + 0.5, 0, 1) in float64, -6 to 6', async () => {
    await expectMatchesReference(hardSigmoid, referenceGrid, reference);
  });

  test('the ends: exactly 0 and 1 at x = -/+2.5 with gradient 0.2; gradient 0 just outside', async () => {
    const x = tf.tensor([-2.625, -2.5, -1, 0, 1, 2.5, 2.625]);
    const y = hardSigmoid(x);
    const dx = tf.grad((t: tf.Tensor) => tf.sum(hardSigmoid(t)))(x);
    // 0.7 at x = 1: Keras 2 / tfjs-layers, not PyTorch's x / 6 + 0.5 (0.6667).
    await expectTensorsClose(y, [0, 0, 0.3, 0.5, 0.7, 1, 1], { atol: 1e-7, rtol: 0 });
    await expectTensorsClose(dx, [0, 0.2, 0.2, 0.2, 0.2, 0.2, 0], { atol: 1e-7, rtol: 0 });
    tf.dispose([x, y, dx]);
  });

  test('finite at +/-1e4, and exactly 0 and 1 there', async () => {
    await expectFiniteAtExtremes(hardSigmoid);
    const x = tf.tensor([-1e4, 1e4]);
    const y = hardSigmoid(x);
    await expectTensorsClose(y, [0, 1], { atol: 0, rtol: 0 });
    tf.dispose([x, y]);
  });

  test('bad input and no leaks, gradient included', async () => {
    const ints = tf.tensor([1], [1], 'int32');
    expect(() => hardSigmoid(ints)).toThrow(/^hardSigmoid: expected x of dtype float32, got int32$/);
    expect(() => hardSigmoid(null as never)).toThrow(/^hardSigmoid: expected x to be a tf\.Tensor, got null$/);
    const x = tf.tensor([-3, 0, 3]);
    await expectNoLeakedTensors(() => [hardSigmoid(x), tf.grad((t: tf.Tensor) => tf.sum(hardSigmoid(t)))(x)]);
    tf.dispose([ints, x]);
  });
});
