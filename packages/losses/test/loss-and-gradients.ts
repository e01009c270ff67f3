// Test helper: a loss's value and its gradients with respect to some inputs, checked against
// expected values (a fixture's loss and gradients) with the fixture tolerance.
import * as tf from '@tensorflow/tfjs-core';
import { type ExpectedValues, type Tolerance, expectTensorsClose } from '@baihua/core/testing';

/** Asserts value and gradients of `loss(...inputs)` (a scalar) against `expected`. */
export async function expectLossAndGradients(
  loss: (...inputs: tf.Tensor[]) => tf.Tensor,
  inputs: tf.Tensor[],
  expected: { value: ExpectedValues; gradients: ExpectedValues[] },
  tolerance: Tolerance = {},
): Promise<void> {
  const { value, grads } = tf.valueAndGrads((...xs: tf.Tensor[]) => loss(...xs) as tf.Scalar)(inputs);
  try {
    await expectTensorsClose(value, expected.value, tolerance);
    for (let i = 0; i < grads.length; i++)
      await expectTensorsClose(grads[i] as tf.Tensor, expected.gradients[i] as ExpectedValues, tolerance);
  } finally {
    tf.dispose([value, ...grads]);
  }
}

/** Asserts that the value and every gradient of `loss(...inputs)` are finite. Returns the value. */
export async function expectFiniteLossAndGradients(
  loss: (...inputs: tf.Tensor[]) => tf.Tensor,
  inputs: tf.Tensor[],
): Promise<number> {
  const { value, grads } = tf.valueAndGrads((...xs: tf.Tensor[]) => loss(...xs) as tf.Scalar)(inputs);
  try {
    const numbers = [await value.data(), ...(await Promise.all(grads.map((g) => g.data())))];
    numbers.forEach((values, k) => {
      for (const v of Array.from(values as ArrayLike<number>))
        if (!Number.isFinite(v)) throw new Error(`${k === 0 ? 'value' : `gradient ${k - 1}`} is not finite: ${v}`);
    });
    return (numbers[0] as ArrayLike<number>)[0] as number;
  } finally {
    tf.dispose([value, ...grads]);
  }
}

/** Reads a scalar tensor and disposes it. */
export async function readScalar(tensor: tf.Tensor): Promise<number> {
  const value = (await tensor.data())[0] as number;
  tensor.dispose();
  return value;
}

/** expectTensorsClose, then disposes `actual` (for tensors made inline in a test). */
export async function expectCloseThenDispose(
  actual: tf.Tensor,
  expected: ExpectedValues,
  tolerance: Tolerance = {},
): Promise<void> {
  try {
    await expectTensorsClose(actual, expected, tolerance);
  } finally {
    actual.dispose();
  }
}
