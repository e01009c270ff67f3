import { ArgumentError } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';

/** Anything holding a tensor value: a layer weight (`read()`) or a variable/tensor (`dataSync` via read). */
export interface Readable {
  read(): tf.Tensor;
}

/**
 * The values of a weight (a layer's variable) as a Float32Array copy (row-major), read
 * synchronously. Export runs no tensor op on the weights (transposes and gate reordering are done
 * on the host), so on webgpu in Node, where a synchronous read of the GPU fails, `exportOnnxAsync`
 * reads every variable once with `await data()` first (the backend then keeps the values on the host).
 */
export function weightValues(weight: Readable | tf.Tensor): Float32Array {
  const tensor = 'read' in weight && typeof weight.read === 'function' ? weight.read() : (weight as tf.Tensor);
  let values: Float32Array;
  try {
    // On webgpu exportOnnxAsync reads every weight with await first; elsewhere this read cannot fail.
    values = tensor.dataSync() as Float32Array; // functional-ops-ok
  } catch (error) {
    throw new ArgumentError(
      'exportOnnx',
      `expected weights readable synchronously, got a read that failed on backend '${tf.getBackend()}' ` +
        `(${(error as Error).message}): use exportOnnxAsync, which reads them with await first`,
    );
  }
  return Float32Array.from(values);
}
