// Test support (not exported): float64 reference values and derivatives for the activations that
// have no PyTorch fixture, and a check of an activation against them on the current backend.
import * as tf from '@tensorflow/tfjs-core';
import { expectTensorsClose, type Tolerance } from '../src/testing.js';

/** A function and its derivative in float64. */
export interface Reference {
  value(x: number): number;
  derivative(x: number): number;
}

/**
 * erf in float64 (independent of tfjs's polynomial): the Maclaurin series below |z| = 2.5, the
 * continued fraction of erfc above; both to about 1e-14.
 */
export function referenceErf(z: number): number {
  const a = Math.abs(z);
  if (a < 2.5) {
    let term = z;
    let sum = z;
    for (let n = 1; n < 80; n++) {
      term *= (-z * z) / n;
      sum += term / (2 * n + 1);
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  let fraction = 0;
  for (let n = 80; n >= 1; n--) fraction = n / 2 / (a + fraction);
  const erfc = Math.exp(-a * a) / Math.sqrt(Math.PI) / (a + fraction);
  return Math.sign(z) * (1 - erfc);
}

/** The logistic sigmoid without overflow. */
export function referenceSigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/**
 * Checks fn on `values` against `reference`: the values, and the input gradient of
 * L = sum(fn(x) * dy) against f'(x) dy, dy a fixed pattern of -2 .. 2 (so a wrong sign shows).
 * Passes when max |a - e| <= atol + rtol * max |e| (default atol 1e-5, rtol 1e-4).
 */
export async function expectMatchesReference(
  fn: (x: tf.Tensor) => tf.Tensor,
  values: number[],
  reference: Reference,
  tolerance?: Tolerance,
): Promise<void> {
  const upstream = values.map((_, i) => ((i * 3) % 5) - 2 || 0.5);
  const x = tf.tensor(values);
  const dy = tf.tensor(upstream);
  const y = fn(x);
  const dx = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(fn(t), dy)))(x);
  try {
    const inputs = values.map(Math.fround);
    await expectTensorsClose(y, inputs.map(reference.value), tolerance);
    await expectTensorsClose(
      dx,
      inputs.map((v, i) => reference.derivative(v) * (upstream[i] as number)),
      tolerance,
    );
  } finally {
    tf.dispose([x, dy, y, dx]);
  }
}

/** -6 to 6 in steps of 0.125 (0 and the hardSigmoid ends +/-2.5 included exactly), plus +/-0.01. */
export const referenceGrid = [...Array.from({ length: 97 }, (_, i) => (i - 48) / 8), -0.01, 0.01];
