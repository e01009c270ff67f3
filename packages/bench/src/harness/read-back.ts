import type * as tf from '@tensorflow/tfjs-core';
import type { HostTensor } from './correctness.js';

/**
 * Brings every result tensor's data to the host (`await data()`, which also waits for the GPU)
 * and disposes the tensors. A benchmarked run counts only once this has finished.
 *
 * @example const host = await readBack(tf.matMul(a, b));
 *
 * In plain words: the work is done when the numbers are in our hands.
 */
export async function readBack(result: tf.Tensor | tf.Tensor[]): Promise<HostTensor[]> {
  const tensors = Array.isArray(result) ? result : [result];
  try {
    const data = await Promise.all(tensors.map((tensor) => tensor.data()));
    return tensors.map((tensor, index) => ({ shape: [...tensor.shape], data: data[index] as HostTensor['data'] }));
  } finally {
    for (const tensor of tensors) tensor.dispose();
  }
}
