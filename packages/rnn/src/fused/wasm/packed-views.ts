import * as tf from '@tensorflow/tfjs-core';
import { type SequenceHeapBackend, floatOffset, heapFloats, heapTensor } from './wasm-sequence-heap.js';

/** Row r of the view is `length` floats of the source from `start + r * stride` (float counts). */
interface RowSpec {
  rows: number;
  length: number;
  start: number;
  stride: number;
}

function copyRows(backend: SequenceHeapBackend, from: tf.Tensor, to: tf.Tensor, spec: RowSpec, gather: boolean) {
  const source = floatOffset(backend, from);
  const target = floatOffset(backend, to);
  const heap = heapFloats(backend);
  for (let r = 0; r < spec.rows; r++) {
    const wide = spec.start + r * spec.stride;
    const narrow = r * spec.length;
    if (gather) heap.copyWithin(target + narrow, source + wide, source + wide + spec.length);
    else heap.copyWithin(target + wide, source + narrow, source + narrow + spec.length);
  }
}

/**
 * A strided view of a float32 wasm tensor as a new tensor of `shape`, differentiable (its gradient
 * scatters back into zeros of the source's shape). Copies on the heap only what the view holds:
 * tfjs-backend-wasm's Slice first reads the whole source out of the heap (readSync), every time.
 * @example
 * const spec = { rows: batch, length: time * hidden, start: 0, stride: (time + 2) * hidden };
 * const outputs = heapRows(backend, packed, [batch, time, hidden], spec);
 * In plain words: cut the pieces out of the long strip without photocopying the strip first.
 */
export function heapRows(backend: SequenceHeapBackend, source: tf.Tensor, shape: number[], spec: RowSpec): tf.Tensor {
  const view = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const from = args[0] as tf.Tensor;
    const value = heapTensor(backend, shape);
    copyRows(backend, from, value, spec, true);
    const gradFunc = (dy: tf.Tensor | tf.Tensor[]) => {
      const grad = heapTensor(backend, from.shape);
      const at = floatOffset(backend, grad);
      heapFloats(backend).fill(0, at, at + grad.size);
      copyRows(backend, dy as tf.Tensor, grad, spec, false);
      return [grad];
    };
    return { value, gradFunc };
  });
  return view(source);
}
