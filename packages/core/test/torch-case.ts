// Test support (not exported by the package): checks an activation against a PyTorch case.
import * as tf from '@tensorflow/tfjs-core';
import { expectTensorsClose } from '../src/testing.js';
import fc from 'fast-check';
import { expect } from 'vitest';
import { loadTorchFixture } from '@baihua/test-fixtures';

/**
 * Checks `fn` against `activations.cases.<caseName>` of the PyTorch reference: the value y, and
 * the input gradient dx of L = sum(fn(x) * dy), each with max|a - e| <= 1e-5 + 1e-4 max|e|.
 */
export async function expectMatchesTorchCase(caseName: string, fn: (x: tf.Tensor) => tf.Tensor): Promise<void> {
  const fixture = loadTorchFixture('activations.cases', caseName);
  const x = fixture.tensor('x');
  const dy = fixture.tensor('dy');
  const y = fn(x);
  const dx = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(fn(t), dy)))(x);
  try {
    await expectTensorsClose(y, fixture.spec('y'));
    await expectTensorsClose(dx, fixture.spec('dx'));
  } finally {
    tf.dispose([x, dy, y, dx]);
  }
}

/** Inputs at the extremes the issue names, plus a few ordinary ones. */
export const extremeInputs = [-1e4, -1e3, -88, -50, -1, 0, 1, 50, 88, 1e3, 1e4];

/** Asserts that fn(x) and the gradient of sum(fn(x) * w) are finite everywhere for `values`. */
export async function expectFiniteAtExtremes(
  fn: (x: tf.Tensor) => tf.Tensor,
  values: number[] = extremeInputs,
  shape?: number[],
): Promise<void> {
  const x = tf.tensor(values, shape ?? [values.length]);
  const weights = tf.tensor(
    values.map((_, i) => ((i * 7) % 5) - 2),
    x.shape,
  );
  const y = fn(x);
  const dx = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(fn(t), weights)))(x);
  try {
    const yValues = Array.from(await y.data());
    const dxValues = Array.from(await dx.data());
    expect(yValues.every(Number.isFinite), `value not finite: ${yValues.join(', ')}`).toBe(true);
    expect(dxValues.every(Number.isFinite), `gradient not finite: ${dxValues.join(', ')}`).toBe(true);
  } finally {
    tf.dispose([x, weights, y, dx]);
  }
}

/** Reads a tensor's values as a plain array and disposes it. */
export async function readAndDispose(t: tf.Tensor): Promise<number[]> {
  try {
    return Array.from(await t.data());
  } finally {
    t.dispose();
  }
}

/**
 * Float32 inputs for fast-check without subnormals: GPUs (webgpu on SwiftShader here) flush
 * subnormals to 0 before comparing, so relu(-1.4e-45) comes back as -1.4e-45 there. Values with
 * |v| < 2^-126 become 0.
 */
export function normalFloats(min: number, max: number, length: number): fc.Arbitrary<number[]> {
  const float = fc
    .float({ min: Math.fround(min), max: Math.fround(max), noNaN: true })
    .map((v) => (Math.abs(v) < 2 ** -126 ? 0 : v));
  return fc.array(float, { minLength: length, maxLength: length });
}
