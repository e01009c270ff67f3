import type * as tf from '@tensorflow/tfjs-core';

/** Anything holding a tensor value: a layer weight (`read()`) or a variable/tensor (`dataSync` via read). */
export interface Readable {
  read(): tf.Tensor;
}

/**
 * The values of a weight as a Float32Array (row-major), read synchronously: export runs on the host
 * and the weights are small next to the file being written. On webgpu `dataSync` stalls; export is
 * not on a hot path.
 */
export function weightValues(weight: Readable | tf.Tensor): Float32Array {
  const tensor = 'read' in weight && typeof weight.read === 'function' ? weight.read() : (weight as tf.Tensor);
  return Float32Array.from(tensor.dataSync() as Float32Array);
}
