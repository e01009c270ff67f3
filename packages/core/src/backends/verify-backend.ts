import * as tf from '@tensorflow/tfjs-core';

/**
 * Runs one small op on the active backend and reads it back. `tf.setBackend` may report success
 * for a backend that computes garbage (Dawn's null adapter returns NaN), so selection is only
 * trusted once this passes.
 */
export async function verifyActiveBackend(): Promise<string | undefined> {
  const a = tf.tensor1d([1, 2, 3, 4]);
  const b = tf.tensor1d([10, 20, 30, 40]);
  const product = tf.mul(a, b);
  const sum = tf.add(product, a);
  try {
    const values = Array.from(await sum.data());
    const expected = [11, 42, 93, 164];
    const ok = values.length === expected.length && values.every((v, i) => v === expected[i]);
    return ok ? undefined : `a test computation returned [${values.join(', ')}] instead of [${expected.join(', ')}]`;
  } finally {
    tf.dispose([a, b, product, sum]);
  }
}
