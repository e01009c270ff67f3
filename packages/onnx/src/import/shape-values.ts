import type { ImportContext } from './import-context.js';
import { nodeError } from './import-error.js';
import type { ImportValue } from './import-values.js';
import { intTensor } from './host-tensors.js';
import type { OnnxNodeIr } from './onnx-ir.js';

/**
 * Shape arithmetic with unknown entries: PyTorch's exporter computes sizes at run time
 * (Shape -> Gather -> Unsqueeze -> Concat -> ConstantOfShape for the zero LSTM state of a dynamic
 * batch). Such vectors stay symbolic (null for an unknown size) and become constants once known.
 */

/** A 1-D (or scalar, `rank` 0) integer vector; a constant when every entry is known. */
export function dimsValue(dims: (number | null)[], rank: 0 | 1 = 1): ImportValue {
  if (dims.every((d) => d !== null)) return { kind: 'const', tensor: intTensor(rank === 0 ? [] : [dims.length], dims) };
  return rank === 0 ? { kind: 'dims', dims, scalar: true } : { kind: 'dims', dims };
}

/** Input `index` as integer entries (null where unknown), with its rank (0 or 1); else undefined. */
export function readDims(
  context: ImportContext,
  node: OnnxNodeIr,
  index: number,
): { dims: (number | null)[]; rank: 0 | 1 } | undefined {
  const value = context.input(node, index);
  if (value.kind === 'dims') return { dims: value.dims, rank: value.scalar ? 0 : 1 };
  if (value.kind === 'const' && value.tensor.shape.length <= 1)
    return { dims: Array.from(value.tensor.values, Number), rank: value.tensor.shape.length as 0 | 1 };
  return undefined;
}

/** Input `index` as fully known integers (a constant axes or shape list). */
export function constantInts(context: ImportContext, node: OnnxNodeIr, index: number, what: string): number[] {
  const tensor = context.constant(node, index, what);
  if (tensor.shape.length > 1) throw nodeError(node, `expected ${what} to be a list, got rank ${tensor.shape.length}`);
  return Array.from(tensor.values, Number);
}

/** Normalises a possibly negative axis for `rank`, with an error naming the node. */
export function axisOf(node: OnnxNodeIr, axis: number, rank: number): number {
  const normal = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(normal) || normal < 0 || normal >= rank)
    throw nodeError(node, `expected axis in [${-rank}, ${rank - 1}], got ${axis}`);
  return normal;
}
