import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expect, test } from 'vitest';
import { leakyRelu } from './leaky-relu.js';
import { expectFiniteAtExtremes, expectMatchesTorchCase } from '../../test/torch-case.js';

describeEachBackend('leakyRelu', () => {
  test('matches PyTorch (alpha 0.01, the default): values and gradient', async () => {
    await expectMatchesTorchCase('leakyRelu_alpha0.01', (x) => leakyRelu(x));
    await expectMatchesTorchCase('leakyRelu_alpha0.01', (x) => leakyRelu(x, { alpha: 0.01 }));
  });

  test('another alpha: value and gradient (alpha at x <= 0, as PyTorch)', async () => {
    const x = tf.tensor([-2, 0, 3]);
    const y = leakyRelu(x, { alpha: 0.2 });
    const dx = tf.grad((t: tf.Tensor) => tf.sum(leakyRelu(t, { alpha: 0.2 })))(x);
    await expectTensorsClose(y, [-0.4, 0, 3]);
    await expectTensorsClose(dx, [0.2, 0.2, 1]);
    tf.dispose([x, y, dx]);
  });

  test('finite at +/-1e4', async () => {
    await expectFiniteAtExtremes((x) => leakyRelu(x));
  });

  test('bad input: non-tensor, negative, NaN or non-numeric alpha, a bare number for options', () => {
    const x = tf.tensor([1]);
    expect(() => leakyRelu(null as unknown as tf.Tensor)).toThrow(
      /^leakyRelu: expected x to be a tf\.Tensor, got null$/,
    );
    expect(() => leakyRelu(x, { alpha: -0.1 })).toThrow(/^leakyRelu: expected alpha >= 0, got -0\.1$/);
    expect(() => leakyRelu(x, { alpha: Number.NaN })).toThrow(
      /^leakyRelu: expected alpha to be a finite number, got NaN$/,
    );
    expect(() => leakyRelu(x, { alpha: '0.1' as unknown as number })).toThrow(
      /^leakyRelu: expected alpha to be a finite number, got 0\.1$/,
    );
    expect(() => leakyRelu(x, 0.2 as unknown as { alpha: number })).toThrow(
      /^leakyRelu: expected options to be an object such as \{ alpha: 0\.1 \}, got number 0\.2$/,
    );
    expect(() => leakyRelu(x, { alhpa: 0.2 } as never)).toThrow(
      /^leakyRelu: unknown key 'alhpa' in options \(did you mean 'alpha'\? known: alpha\)$/,
    );
    x.dispose();
  });

  test('leaves no tensors behind, gradient included', async () => {
    const x = tf.tensor([-1, 0, 1]);
    await expectNoLeakedTensors(() => [leakyRelu(x), tf.grad((t: tf.Tensor) => tf.sum(leakyRelu(t)))(x)]);
    x.dispose();
  });
});
