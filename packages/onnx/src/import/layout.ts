import { Reshape } from '@baihua/core';
import type { ImportContext } from './import-context.js';
import { nodeError } from './import-error.js';
import { type DynamicValue, identityAxes, isIdentityLayout } from './import-values.js';
import { OnnxPermute } from './layers/onnx-permute.js';
import type { OnnxNodeIr } from './onnx-ir.js';

/**
 * Where the ONNX layout meets baihua's. Run-time values carry a logical (ONNX) shape and the
 * physical axis of each logical axis; these helpers insert the one layer that makes the physical
 * layout what an operator needs, once per value (a second reader reuses it).
 */
const materialized = new WeakMap<DynamicValue, DynamicValue>();
const channelsLast = new WeakMap<DynamicValue, DynamicValue>();

/** The value with physical layout equal to its logical one (an OnnxPermute and/or Reshape when needed). */
export function materialize(context: ImportContext, node: OnnxNodeIr, value: DynamicValue): DynamicValue {
  if (isIdentityLayout(value)) return value;
  const cached = materialized.get(value);
  if (cached !== undefined) return cached;
  if (value.axes[0] !== 0)
    throw nodeError(node, `expected the batch to stay the first axis, got a layout that moves it (axes ${value.axes})`);
  const present = value.axes.filter((a) => a >= 0);
  let symbolic = value.symbolic;
  if (present.some((a, i) => a !== i))
    symbolic = context.adopt(new OnnxPermute({ dims: present.slice(1) })).apply(symbolic);
  if (present.length !== value.axes.length) {
    const target = value.shape.slice(1).map((s) => s ?? -1);
    if (target.filter((s) => s === -1).length > 1)
      throw nodeError(node, `cannot lay out a value of shape [${value.shape}] with two unknown sizes`);
    symbolic = context.adopt(new Reshape({ targetShape: target })).apply(symbolic);
  }
  const result: DynamicValue = { ...value, symbolic, axes: identityAxes(value.shape.length) };
  materialized.set(value, result);
  return result;
}

/**
 * Whether the physical data is already in ONNX's row-major order, up to axes of size 1 (an NHWC
 * [N, 1, 1, C] after global pooling is NCHW [N, C, 1, 1] in memory): then flattening needs no permute.
 */
export function inLogicalOrder(value: DynamicValue): boolean {
  const physical = value.axes.filter((a, i) => a >= 0 && value.shape[i] !== 1);
  return physical.every((a, i) => i === 0 || a > (physical[i - 1] as number));
}

/** NCHW axes held physically as NHWC: logical N, C, H, W sit at physical 0, 3, 1, 2. */
export const nchwAsNhwc = [0, 3, 1, 2];

/** A logical NCHW image as baihua's physical NHWC (an OnnxPermute when it is still NCHW). */
export function toChannelsLast(context: ImportContext, node: OnnxNodeIr, value: DynamicValue): DynamicValue {
  if (value.shape.length !== 4) throw nodeError(node, `expected a rank-4 NCHW input, got shape [${value.shape}]`);
  if (value.axes.every((a, i) => a === nchwAsNhwc[i])) return value;
  const cached = channelsLast.get(value);
  if (cached !== undefined) return cached;
  const plain = materialize(context, node, value);
  const symbolic = context.adopt(new OnnxPermute({ dims: [2, 3, 1] })).apply(plain.symbolic);
  const result: DynamicValue = { ...value, symbolic, axes: nchwAsNhwc };
  channelsLast.set(value, result);
  return result;
}

/** The logical NCHW shape of a physical NHWC symbolic shape. */
export function nchwShapeOf(physical: readonly (number | null)[]): (number | null)[] {
  const [n, h, w, c] = physical as [number | null, number | null, number | null, number | null];
  return [n, c, h, w];
}
