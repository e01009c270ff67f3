import * as tf from '@tensorflow/tfjs-core';
import { oneHotFloat } from './one-hot-float.js';
import { ArgumentError, ShapeError, assertDtype, assertRank, assertTensor, describeShape } from '@baihua/core';

/**
 * Class labels as a loss takes them: class indices (an int32 tensor of shape [N], or a JS array of
 * integers, checked synchronously) or one-hot / probability rows (a tensor of shape [N, K]).
 */
export type ClassLabels = tf.Tensor | readonly number[];

/**
 * Checks `labels` against `logits` ([N, K]) synchronously and returns the target distribution
 * as float32 [N, K] (one-hot rows for indices). Index arrays are range-checked here; index tensors
 * cannot be read synchronously on webgpu, so check them with {@link validateClassLabels}
 * (out-of-range tensor indices become all-zero rows, as tf.oneHot makes them).
 * Internal helper: call it inside a tf.tidy, after all option checks.
 */
export function toTargetDistribution(
  functionName: string,
  labels: ClassLabels,
  logits: tf.Tensor,
  logitsName = 'logits',
): tf.Tensor {
  const [batch, numClasses] = logits.shape as [number, number];
  if (Array.isArray(labels)) {
    const indices = labels as readonly number[];
    if (indices.length !== batch) {
      throw new ShapeError(
        functionName,
        `expected labels of length ${batch} (one class index per row of ${logitsName}), got length ${indices.length}`,
      );
    }
    checkIndexArray(functionName, indices, numClasses);
    return oneHotFloat(tf.tensor1d(indices as number[], 'int32'), numClasses);
  }
  assertTensor(functionName, 'labels', labels);
  const tensor = labels as tf.Tensor;
  assertRank(functionName, 'labels', tensor, [1, 2]);
  if (tensor.rank === 1) {
    assertDtype(functionName, 'labels (class indices)', tensor, 'int32');
    if (tensor.shape[0] !== batch) {
      throw new ShapeError(
        functionName,
        `expected labels of shape [${batch}] to match ${logitsName} ${describeShape(logits.shape)}, ` +
          `got ${describeShape(tensor.shape)}`,
      );
    }
    return oneHotFloat(tensor, numClasses);
  }
  if (tensor.shape[0] !== batch || tensor.shape[1] !== numClasses) {
    throw new ShapeError(
      functionName,
      `expected labels of shape ${describeShape(logits.shape)} (rows over the classes of ${logitsName}), ` +
        `got ${describeShape(tensor.shape)}`,
    );
  }
  assertDtype(functionName, 'labels (rows)', tensor, ['float32', 'int32']);
  return tensor.dtype === 'float32' ? tensor : tf.cast(tensor, 'float32');
}

/** Throws unless every entry is an integer in [0, numClasses). */
export function checkIndexArray(
  functionName: string,
  indices: readonly number[],
  numClasses: number,
  argument = 'labels',
): void {
  indices.forEach((value, i) => {
    if (!Number.isInteger(value) || value < 0 || value >= numClasses) {
      throw new ArgumentError(
        functionName,
        `expected ${argument}[${i}] to be a class index in [0, ${numClasses - 1}], got ${value}`,
      );
    }
  });
}

/**
 * Reads class labels and checks them: indices must be integers in [0, numClasses); rows must be
 * non-negative and sum to 1 (within 1e-3). Async because webgpu cannot read tensors synchronously.
 *
 * @example
 * await validateClassLabels(tf.tensor1d([0, 2], 'int32'), 3); // passes
 * await validateClassLabels(tf.tensor1d([0, 3], 'int32'), 3); // throws: labels[1] ... got 3
 */
export async function validateClassLabels(
  labels: ClassLabels,
  numClasses: number,
  functionName = 'validateClassLabels',
): Promise<void> {
  if (Array.isArray(labels)) {
    checkIndexArray(functionName, labels as readonly number[], numClasses);
    return;
  }
  assertRank(functionName, 'labels', labels as tf.Tensor, [1, 2]);
  const tensor = labels as tf.Tensor;
  const values = await tensor.data();
  if (tensor.rank === 1) {
    checkIndexArray(functionName, Array.from(values as ArrayLike<number>), numClasses);
    return;
  }
  const [rows, columns] = tensor.shape as [number, number];
  if (columns !== numClasses)
    throw new ShapeError(
      functionName,
      `expected labels with ${numClasses} columns, got shape ${describeShape(tensor.shape)}`,
    );
  for (let r = 0; r < rows; r++) {
    let total = 0;
    for (let c = 0; c < columns; c++) {
      const v = values[r * columns + c] as number;
      if (!(v >= 0)) throw new ArgumentError(functionName, `expected labels[${r}][${c}] >= 0, got ${v}`);
      total += v;
    }
    if (Math.abs(total - 1) > 1e-3)
      throw new ArgumentError(functionName, `expected labels row ${r} to sum to 1, got ${total}`);
  }
}
