import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import '../gradients/install.js';
import { checkGradients } from './check-gradients.js';
import { describeEachBackend } from './describe-each-backend.js';
import { expectNoLeakedTensors } from './expect-no-leaked-tensors.js';

/** x^3 with a deliberately wrong gradient (2x instead of 3x^2): checkGradients must catch it. */
const cubeWithWrongGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x = args[0] as tf.Tensor;
  (args[1] as tf.GradSaveFunc)([x]);
  return {
    value: tf.pow(x, 3),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, tf.mul(saved[0] as tf.Tensor, 2)),
  };
});

describeEachBackend('testing helpers', (backend) => {
  test('the suite really runs on the backend in its title', () => {
    expect(tf.getBackend()).toBe(backend);
  });

  test('checkGradients passes a correct gradient', async () => {
    const x = tf.tensor([
      [-1.5, 0.3],
      [0.7, 2],
    ]);
    const result = await checkGradients((v) => tf.mul(tf.sigmoid(v), v), [x]);
    expect(result.inputs[0]?.maxError).toBeLessThan(result.inputs[0]?.limit as number);
    x.dispose();
  });

  test('checkGradients fails a wrong gradient and names the element', async () => {
    const x = tf.tensor([0.5, 1.5, -2]);
    await expect(checkGradients((v) => cubeWithWrongGradient(v) as tf.Tensor, [x])).rejects.toThrow(
      /checkGradients: input 0 .* element \d+: analytic .* numeric/,
    );
    x.dispose();
  });

  test('checkGradients covers every input of a multi-input function', async () => {
    const a = tf.tensor([
      [1, 2],
      [3, 4],
    ]);
    const b = tf.tensor([
      [0.5, -1],
      [2, 0.25],
    ]);
    const result = await checkGradients((x, y) => tf.matMul(x, y), [a, b]);
    expect(result.inputs).toHaveLength(2);
    tf.dispose([a, b]);
  });

  test('expectNoLeakedTensors passes clean code and disposes what it returns', async () => {
    const x = tf.tensor([1, 2, 3]);
    const before = tf.memory().numTensors;
    await expectNoLeakedTensors(() => tf.tidy(() => tf.add(tf.square(x), 1)));
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  test('expectNoLeakedTensors fails when a tensor is left behind', async () => {
    let leaked: tf.Tensor | undefined;
    await expect(
      expectNoLeakedTensors(() => {
        leaked = tf.ones([2]);
        return 1;
      }),
    ).rejects.toThrow(/expectNoLeakedTensors: 1 tensor\(s\) leaked/);
    leaked?.dispose();
  });
});
