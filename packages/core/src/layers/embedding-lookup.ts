import * as tf from '@tensorflow/tfjs-core';
import { unravelIndex } from '../checks/unravel-index.js';
import { ArgumentError } from '../errors/argument-error.js';

/** Backends whose tensors live in CPU memory: reading ids there costs a scan, not a GPU round trip. */
const hostBackends: readonly string[] = ['cpu', 'wasm'];

/**
 * Refuses ids outside [0, inputDim) or, for float32 ids, not whole numbers, naming the first bad
 * one and where it is. Reads the ids with dataSync, so it runs only on backends whose tensors sit
 * in CPU memory (cpu, wasm: a scan of the ids per apply, no copy on cpu, one copy on wasm). On GPU
 * backends (webgpu, webgl) a synchronous read would stall the device on every apply and is
 * impossible in Node (webgpu cannot read synchronously there), so the ids are not read: an id out of
 * range gives a row of zeros there, as TensorFlow's gather does on a GPU.
 */
export function checkEmbeddingIds(fn: string, layerName: string, ids: tf.Tensor, inputDim: number): void {
  if (!hostBackends.includes(tf.getBackend())) return;
  const values = ids.dataSync(); // functional-ops-ok: cpu and wasm only, whose reads cannot fail
  for (let i = 0; i < values.length; i++) {
    const id = values[i] as number;
    if (Number.isInteger(id) && id >= 0 && id < inputDim) continue;
    const where = ids.rank === 0 ? '' : ` at x[${unravelIndex(i, ids.shape).join(',')}]`;
    throw new ArgumentError(
      fn,
      `layer '${layerName}' expected ids to be whole numbers in [0, ${inputDim - 1}] (inputDim ${inputDim}), got ` +
        `${id}${where}`,
    );
  }
}

type CustomBody = Parameters<typeof tf.customGrad>[0];

/**
 * rows[i] = table[ids[i]]: tf.gather, with the gradient for the table written as a scatter-add,
 * dTable = sum over i of onehot(ids[i]) dy[i] (tf.scatterND sums repeated ids). tf.gather's own
 * gradient needs the UnsortedSegmentSum kernel, which tfjs-backend-wasm 4.22 lacks; ScatterNd exists
 * on cpu, wasm and webgpu. table: [vocab, dim]; ids: int32 [n] -> [n, dim]. No gradient for the ids.
 * Call inside tf.tidy.
 */
export function embeddingLookup(table: tf.Tensor, ids: tf.Tensor1D): tf.Tensor {
  const shape = table.shape;
  const body = (t: tf.Tensor, save: tf.GradSaveFunc) => {
    save([ids]);
    return {
      value: tf.gather(t, ids),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => [
        tf.scatterND(tf.expandDims(saved[0] as tf.Tensor, 1), dy, shape),
      ],
    };
  };
  return (tf.customGrad(body as unknown as CustomBody) as unknown as (t: tf.Tensor) => tf.Tensor)(table);
}
