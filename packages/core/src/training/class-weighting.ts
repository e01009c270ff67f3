import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { assertNonNegative } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { sumTensors } from './sum-tensors.js';

/** Loss weight per class index, as an array or `{ [class]: weight }`; missing classes weigh 1. */
export type ClassWeights = readonly number[] | Record<number, number>;

/** The class of each row of a batch and the weight of each class; `fn` names the caller in errors. */
export interface ClassWeighting {
  fn: string;
  classes: readonly number[];
  weights: ReadonlyMap<number, number>;
}

/** Checks class weights (keys are class indices, weights >= 0) and returns them as a map. */
export function parseClassWeights(fn: string, classWeights: ClassWeights): Map<number, number> {
  if (classWeights === null || typeof classWeights !== 'object')
    throw new ArgumentError(fn, `expected classWeights to be an array or an object, got ${typeof classWeights}`);
  const weights = new Map<number, number>();
  for (const [k, v] of Object.entries(classWeights)) {
    if (!/^\d+$/.test(k)) throw new ArgumentError(fn, `expected classWeights keys to be class indices, got '${k}'`);
    assertNonNegative(fn, `classWeights[${k}]`, v);
    weights.set(Number(k), v);
  }
  return weights;
}

/**
 * The class index of every row of y, read once: one-hot or probabilities [N, K]: the argmax;
 * indices [N] or binary labels [N, 1]: the value rounded (a smoothed 0.9 is class 1, as in Keras).
 */
export async function readClasses(y: tf.Tensor): Promise<number[]> {
  const binary = y.rank === 2 && y.shape[1] === 1;
  const classes = y.rank >= 2 && !binary ? tf.argMax(y, -1) : y;
  try {
    return Array.from(await classes.data(), Math.round);
  } finally {
    if (classes !== y) classes.dispose();
  }
}

/**
 * The batch loss with class weights: sum_c (n_c / B) w_c L(rows of class c), which is the mean of
 * w_class(i) * loss_i when the loss is a mean over rows. Without weighting, L(all rows).
 */
export function weightedLoss(
  loss: LossFunction,
  labels: tf.Tensor,
  output: tf.Tensor,
  weighting: ClassWeighting | undefined,
): tf.Scalar {
  if (!weighting) return loss(labels, output);
  // A weight per row needs one class per row: labels [batch] (indices or 0/1), or [batch, classes]
  // for an output [batch, classes]. Labels per time step ([N, T] indices or [N, T, K] one-hot for
  // an output [N, T, K]) have none, and taking one (argmax over time) would weigh a wrong class.
  if (!(labels.rank === 1 || (labels.rank === 2 && output.rank === 2)))
    throw new ArgumentError(
      weighting.fn,
      `expected classWeights only for one class per row (labels [batch], or [batch, classes] for an output ` +
        `[batch, classes]), got labels ${describeShape(labels.shape)} for an output ${describeShape(output.shape)}: ` +
        `weigh each time step in the loss instead`,
    );
  const rowsByClass = new Map<number, number[]>();
  weighting.classes.forEach((c, row) => {
    const rows = rowsByClass.get(c) ?? [];
    rows.push(row);
    rowsByClass.set(c, rows);
  });
  const batch = weighting.classes.length;
  const parts: tf.Scalar[] = [];
  for (const [c, rows] of rowsByClass) {
    const weight = weighting.weights.get(c) ?? 1;
    if (weight === 0) continue;
    const index = tf.tensor1d(rows, 'int32');
    const part = loss(tf.gather(labels, index), selectRows(output, rows));
    parts.push(tf.mul(part, (weight * rows.length) / batch));
  }
  return parts.length === 0 ? tf.mul(loss(labels, output), 0) : sumTensors(parts);
}

// Rows of `output` by a 0/1 selection matrix: its gradient is a matMul, which every backend has
// (tf.gather's gradient needs UnsortedSegmentSum, which tfjs-backend-wasm lacks).
function selectRows(output: tf.Tensor, rows: readonly number[]): tf.Tensor {
  const batch = output.shape[0] as number;
  const selection = new Float32Array(rows.length * batch);
  rows.forEach((row, i) => {
    selection[i * batch + row] = 1;
  });
  const flat = tf.reshape(output, [batch, -1]);
  const picked = tf.matMul(tf.tensor2d(selection, [rows.length, batch]), flat);
  return tf.reshape(picked, [rows.length, ...output.shape.slice(1)]);
}
