import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '../layers/layer.js';
import type { AccuracyKind } from '../registry/loss-contract.js';
import { checkClassIndices } from './class-indices.js';
import { runModel } from './model-io.js';
import { readClasses } from './class-weighting.js';

/**
 * The model's output shapes for one row of its inputs (batch axis included), one per output. A model
 * applied before knows them (`outputShapes`; the label check needs only their rank and last axis,
 * which the batch and sequence sizes do not change); otherwise one inference pass on one row finds
 * them. Without that shortcut a loop of one-batch fit calls paid a second forward pass per step
 * (3.5x slower for an LSTM on webgpu).
 */
export function probeOutputShapes(model: Layer, xs: readonly tf.Tensor[]): number[][] {
  const known = model.outputShapes ?? (model.outputShape ? [model.outputShape] : undefined);
  const sizes = known?.map((shape) => shape.slice(1));
  if (sizes?.every((s) => s.every((size) => size !== null))) return sizes.map((s) => [1, ...(s as number[])]);
  const outputs = tf.tidy(() =>
    runModel(
      model,
      xs.map((x) => tf.slice(x, 0, 1)),
      false,
    ),
  );
  const shapes = outputs.map((o) => o.shape);
  tf.dispose(outputs);
  return shapes;
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
