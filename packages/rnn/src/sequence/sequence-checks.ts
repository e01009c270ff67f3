import type * as tf from '@tensorflow/tfjs-core';
import { ShapeError, assertDtype, assertRank, describeShape } from '@baihua/core';

/** Throws unless x is [batch, time, inputSize] with time >= 1. */
export function checkSequenceInput(functionName: string, x: tf.Tensor, inputSize: number): void {
  assertRank(functionName, 'x', x, 3);
  if (x.shape[2] !== inputSize) {
    throw new ShapeError(
      functionName,
      `expected x of shape [batch, time, ${inputSize}] (the cell's inputSize), got shape ${describeShape(x.shape)}`,
    );
  }
  if (x.shape[0] === 0 || x.shape[1] === 0) {
    throw new ShapeError(
      functionName,
      `expected x with at least one batch entry and one time step, got shape ${describeShape(x.shape)}`,
    );
  }
}

/** Throws unless mask is [batch, time] of dtype bool, float32 or int32. */
export function checkMask(functionName: string, mask: tf.Tensor | undefined, batch: number, time: number): void {
  if (mask === undefined) return;
  assertRank(functionName, 'mask', mask, 2);
  if (mask.shape[0] !== batch || mask.shape[1] !== time) {
    throw new ShapeError(
      functionName,
      `expected mask of shape [${batch},${time}] (x's batch and time), got shape ${describeShape(mask.shape)}`,
    );
  }
  assertDtype(functionName, 'mask', mask, ['bool', 'float32', 'int32']);
}
