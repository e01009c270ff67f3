import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '../layers/layer.js';
import type { AccuracyKind } from '../registry/loss-contract.js';
import { checkClassIndices } from './class-indices.js';
import { readClasses } from './class-weighting.js';

/**
 * The model's output shape for one row of x (batch axis included). A model applied before knows it
 * (`outputShape`; the label check needs only its rank and last axis, which the batch and sequence
 * sizes do not change); otherwise one inference pass on one row finds it. Without that shortcut a
 * loop of one-batch fit calls paid a second forward pass per step (3.5x slower for an LSTM on webgpu).
 */
export function probeOutputShape(model: Layer, x: tf.Tensor): number[] {
  const known = model.outputShape;
  const sizes = known?.slice(1);
  if (sizes?.every((size) => size !== null)) return [1, ...(sizes as number[])];
  const output = tf.tidy(() => model.apply(tf.slice(x, 0, 1), { training: false }));
  const shape = output.shape;
  output.dispose();
  return shape;
}

/**
 * Looks at a dataset's labels once, before training: when they are class indices (rank one less
 * than the output) for a categorical loss or of dtype int32, each must be an integer in [0, K),
 * K the output width (labels [N, T] for outputs [N, T, K] too). Returns every row's class when
 * `wantClasses` (class weights) or when the labels were read anyway.
 */
export async function inspectLabels(
  fn: string,
  argument: string,
  y: tf.Tensor,
  outputShape: readonly number[],
  kind: AccuracyKind | undefined,
  wantClasses: boolean,
): Promise<number[] | undefined> {
  const indices = y.rank === outputShape.length - 1 && (kind === 'categorical' || y.dtype === 'int32');
  if (indices) {
    const values = await y.data();
    const rows = y.shape[0] as number;
    checkClassIndices(fn, argument, values, outputShape.at(-1) ?? 1, values.length / rows);
    if (y.rank === 1) return Array.from(values);
  }
  return wantClasses ? readClasses(y) : undefined;
}
