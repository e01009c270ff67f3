import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

/**
 * Test helper: makes the operands, then asserts that `call` throws `message` synchronously and
 * creates no tensor on the way (bad input is rejected before any tensor work). Disposes the operands.
 */
export function expectCleanThrow<T extends unknown[]>(
  makeOperands: () => T,
  call: (...operands: T) => unknown,
  message: RegExp,
): void {
  const operands = makeOperands();
  const before = tf.memory().numTensors;
  expect(() => call(...operands)).toThrow(message);
  expect(tf.memory().numTensors).toBe(before);
  tf.dispose(operands.filter((o): o is tf.Tensor => o instanceof tf.Tensor));
}
