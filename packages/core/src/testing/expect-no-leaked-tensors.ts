import * as tf from '@tensorflow/tfjs-core';

/**
 * Runs `fn` and asserts that it left no tensor behind: `tf.memory().numTensors` must be back
 * where it started. Tensors that `fn` returns (a tensor, or an array or object of them) are the
 * caller's and are disposed by this helper before counting. Returns what `fn` returned, with
 * tensors disposed.
 *
 * @example
 * await expectNoLeakedTensors(() => softmaxCrossEntropy(labels, logits));
 */
export async function expectNoLeakedTensors<T>(fn: () => T | Promise<T>): Promise<T> {
  const before = tf.memory().numTensors;
  const result = await fn();
  tf.dispose(collectTensors(result));
  const after = tf.memory().numTensors;
  if (after !== before) {
    throw new Error(
      `expectNoLeakedTensors: ${after - before} tensor(s) leaked (numTensors ${before} before, ${after} after)`,
    );
  }
  return result;
}

function collectTensors(value: unknown, found: tf.Tensor[] = [], depth = 0): tf.Tensor[] {
  if (depth > 4 || value === null || typeof value !== 'object') return found;
  if (value instanceof tf.Tensor) {
    if (!value.isDisposed) found.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectTensors(item, found, depth + 1);
  } else {
    for (const item of Object.values(value)) collectTensors(item, found, depth + 1);
  }
  return found;
}
