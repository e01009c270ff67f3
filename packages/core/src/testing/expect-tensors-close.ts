import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { unravelIndex } from '../checks/unravel-index.js';

/** Tolerances: pass when max |a - e| <= atol + rtol * max |e| over the whole tensor. */
export interface Tolerance {
  /** Default 1e-4. */
  rtol?: number;
  /** Default 1e-5. */
  atol?: number;
}

/** Expected values: a tensor, a fixture `{ shape, data }`, a (nested) array or a number. */
export type ExpectedValues = tf.Tensor | { shape: number[]; data: number[] } | tf.TensorLike;

/**
 * Asserts that `actual` matches `expected` in shape and values: max |a - e| <= atol + rtol * max |e|
 * over the tensor (one tolerance per tensor, so tiny expected values such as softmax(-50) are
 * covered by atol). On failure the message shows the worst element's index and both values.
 * Reads with `await data()`, so it works on webgpu in Node.
 *
 * @example
 * await expectTensorsClose(tf.sigmoid(x), fixture.tensor('y'));
 */
export async function expectTensorsClose(
  actual: tf.Tensor,
  expected: ExpectedValues,
  tolerance: Tolerance = {},
): Promise<void> {
  const { rtol = 1e-4, atol = 1e-5 } = tolerance;
  const { shape: expectedShape, values: expectedValues } = await readExpected(expected);
  if (actual.shape.length !== expectedShape.length || actual.shape.some((s, i) => s !== expectedShape[i])) {
    throw new Error(
      `expectTensorsClose: expected shape ${describeShape(expectedShape)}, got ${describeShape(actual.shape)}`,
    );
  }
  const actualValues = await actual.data();
  let maxExpected = 0;
  for (let i = 0; i < expectedValues.length; i++) {
    const e = expectedValues[i] as number;
    if (Number.isFinite(e)) maxExpected = Math.max(maxExpected, Math.abs(e));
  }
  const limit = atol + rtol * maxExpected;
  let worst = -1;
  let worstDiff = -Infinity;
  for (let i = 0; i < expectedValues.length; i++) {
    const a = Number(actualValues[i]);
    const e = expectedValues[i] as number;
    const diff =
      Number.isNaN(a) || Number.isNaN(e)
        ? Number.isNaN(a) && Number.isNaN(e)
          ? 0
          : Infinity
        : a === e
          ? 0
          : Math.abs(a - e);
    if (diff > worstDiff || (Number.isNaN(diff) && worst < 0)) {
      worstDiff = Number.isNaN(diff) ? Infinity : diff;
      worst = i;
    }
  }
  if (worst >= 0 && worstDiff > limit) {
    const index = unravelIndex(worst, expectedShape);
    throw new Error(
      `expectTensorsClose: max |a - e| = ${worstDiff.toExponential(3)} exceeds ${limit.toExponential(3)} ` +
        `(atol ${atol} + rtol ${rtol} * max|e| ${maxExpected.toExponential(3)}); worst at [${index.join(',')}]: ` +
        `actual ${actualValues[worst]}, expected ${expectedValues[worst]} (shape ${describeShape(expectedShape)})`,
    );
  }
}

async function readExpected(expected: ExpectedValues): Promise<{ shape: number[]; values: ArrayLike<number> }> {
  if (expected instanceof tf.Tensor)
    return { shape: expected.shape, values: (await expected.data()) as ArrayLike<number> };
  if (isFixtureTensor(expected)) return { shape: expected.shape, values: expected.data };
  const tensor = tf.tensor(expected as tf.TensorLike);
  try {
    return { shape: tensor.shape, values: (await tensor.data()) as ArrayLike<number> };
  } finally {
    tensor.dispose();
  }
}

function isFixtureTensor(value: unknown): value is { shape: number[]; data: number[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { shape?: unknown }).shape) &&
    Array.isArray((value as { data?: unknown }).data)
  );
}
