// Test helper (not part of the package's exports): the error path of a layer leaks nothing.
import * as tf from '@tensorflow/tfjs-core';
import { expect } from 'vitest';

/**
 * Runs `fail` `times` times (default 50); each call must throw an error matching `message`, and
 * `tf.memory().numTensors` must be the same afterwards (no tensor or variable left behind).
 */
export function expectRefusedWithoutLeaks(fail: () => unknown, message: RegExp, times = 50): void {
  const before = tf.memory().numTensors;
  for (let i = 0; i < times; i++) expect(fail).toThrow(message);
  expect(tf.memory().numTensors).toBe(before);
}

/**
 * The async form: `call` must reject with `message` once (a first failure may fill tfjs's own
 * caches), then `times` more times with `tf.memory().numTensors` unchanged.
 */
export async function expectRejectedWithoutLeaks(
  call: () => Promise<unknown>,
  message: RegExp,
  times = 50,
): Promise<void> {
  await expect(call()).rejects.toThrow(message);
  const before = tf.memory().numTensors;
  for (let i = 0; i < times; i++) await expect(call()).rejects.toThrow(message);
  expect(tf.memory().numTensors).toBe(before);
}
