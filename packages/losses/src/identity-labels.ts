import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, assertDtype, assertRank, describeShape } from '@baihua/core';

/**
 * Checks identity labels for metric losses (one integer per embedding row: an int32 tensor [N] or a
 * number[] of integers, checked synchronously) and returns the [N, N] float32 matrix
 * same[i][j] = 1 when rows i and j share a label.
 * Internal helper: call inside a tf.tidy, after the checks of {@link checkIdentityLabels}.
 */
export function sameLabelMatrix(labels: tf.Tensor | readonly number[]): tf.Tensor {
  const tensor = Array.isArray(labels) ? tf.tensor1d(labels as number[], 'int32') : (labels as tf.Tensor);
  return tf.cast(tf.equal(tf.expandDims(tensor, 1), tf.expandDims(tensor, 0)), 'float32');
}

/** Throws unless `labels` holds one integer label per row of `embeddings` ([N, D]). */
export function checkIdentityLabels(functionName: string, labels: tf.Tensor | readonly number[], rows: number): void {
  if (Array.isArray(labels)) {
    const list = labels as readonly number[];
    if (list.length !== rows)
      throw new ShapeError(
        functionName,
        `expected labels of length ${rows} (one per embedding), got length ${list.length}`,
      );
    list.forEach((value, i) => {
      if (!Number.isInteger(value))
        throw new ArgumentError(functionName, `expected labels[${i}] to be an integer, got ${value}`);
    });
    return;
  }
  assertRank(functionName, 'labels', labels as tf.Tensor, 1);
  const tensor = labels as tf.Tensor;
  assertDtype(functionName, 'labels', tensor, 'int32');
  if (tensor.shape[0] !== rows)
    throw new ShapeError(
      functionName,
      `expected labels of shape [${rows}] (one per embedding), got ${describeShape(tensor.shape)}`,
    );
}
