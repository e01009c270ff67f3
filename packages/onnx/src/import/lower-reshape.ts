import { Flatten, Reshape } from '@baihua/core';
import type { ImportContext } from './import-context.js';
import { nodeError } from './import-error.js';
import { type DynamicValue, identityAxes } from './import-values.js';
import { inLogicalOrder, materialize } from './layout.js';
import { checkAttributes, intAttribute, intsAttribute } from './node-attributes.js';
import type { OnnxNodeIr } from './onnx-ir.js';
import { axisOf, constantInts, readDims } from './shape-values.js';

/**
 * Layout-only operators on run-time values. Transpose, Unsqueeze and Squeeze of a size-1 axis only
 * relabel axes (no layer); Flatten and Reshape get the value in ONNX order first, then one layer.
 */

/** Transpose: logical axis i becomes old axis perm[i]; the data stays where it is. */
export function lowerTranspose(context: ImportContext, node: OnnxNodeIr, x: DynamicValue): void {
  checkAttributes(node, ['perm']);
  const rank = x.shape.length;
  const perm = intsAttribute(node, 'perm', undefined) ?? x.shape.map((_, i) => rank - 1 - i);
  if (perm.length !== rank || [...perm].sort((a, b) => a - b).some((p, i) => p !== i))
    throw nodeError(node, `expected perm to be a permutation of ${rank} axes, got ${JSON.stringify(perm)}`);
  const out = { ...x, shape: perm.map((p) => x.shape[p] ?? null), axes: perm.map((p) => x.axes[p] as number) };
  context.values.set(node.outputs[0] as string, out);
}

/** Unsqueeze: new size-1 axes that exist only logically. */
export function lowerUnsqueeze(context: ImportContext, node: OnnxNodeIr, x: DynamicValue): void {
  checkAttributes(node, []);
  const rank = x.shape.length + constantInts(context, node, 1, 'axes').length;
  const axes = constantInts(context, node, 1, 'axes').map((a) => axisOf(node, a, rank));
  const shape: (number | null)[] = [];
  const physical: number[] = [];
  let k = 0;
  for (let i = 0; i < rank; i++) {
    const added = axes.includes(i);
    shape.push(added ? 1 : (x.shape[k] ?? null));
    physical.push(added ? -1 : (x.axes[k++] as number));
  }
  context.values.set(node.outputs[0] as string, { ...x, shape, axes: physical });
}

/** Squeeze: a size-1 axis that exists only logically is dropped; a real one through a Reshape. */
export function lowerSqueeze(context: ImportContext, node: OnnxNodeIr, x: DynamicValue): void {
  checkAttributes(node, []);
  const rank = x.shape.length;
  const axes = context.has(node, 1)
    ? constantInts(context, node, 1, 'axes').map((a) => axisOf(node, a, rank))
    : x.shape.flatMap((s, i) => (s === 1 ? [i] : []));
  for (const a of axes) if (x.shape[a] !== 1) throw nodeError(node, `expected axis ${a} of size 1, got ${x.shape[a]}`);
  const keep = x.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const shape = keep.map((i) => x.shape[i] ?? null);
  if (axes.every((a) => x.axes[a] === -1)) {
    context.values.set(node.outputs[0] as string, { ...x, shape, axes: keep.map((i) => x.axes[i] as number) });
    return;
  }
  reshapeTo(
    context,
    node,
    x,
    shape.slice(1).map((s) => s ?? -1),
  );
}

function reshapeTo(context: ImportContext, node: OnnxNodeIr, x: DynamicValue, target: number[]): void {
  if (target.filter((s) => s === -1).length > 1)
    throw nodeError(node, `expected at most one unknown size besides the batch, got [${target}]`);
  const plain = materialize(context, node, x);
  const y = context.adopt(new Reshape({ targetShape: target })).apply(plain.symbolic);
  context.setDynamic(node.outputs[0] as string, y, y.shape, identityAxes(y.shape.length));
}

/** Reshape keeping the batch (a leading 0, or -1 with every other size known, or a Shape of unknown batch). */
export function lowerReshape(context: ImportContext, node: OnnxNodeIr, x: DynamicValue): void {
  checkAttributes(node, ['allowzero']);
  if (intAttribute(node, 'allowzero', 0) !== 0) throw nodeError(node, 'unsupported allowzero 1 (supported: 0)');
  // A run-time Shape whose only unknown entry is the batch (GroupNorm's reshape back): the batch kept (0).
  const read = readDims(context, node, 1);
  const batchOnly = read !== undefined && read.rank === 1 && read.dims.slice(1).every((d) => d !== null);
  const raw = batchOnly ? read.dims.map((d) => d ?? 0) : constantInts(context, node, 1, 'shape');
  const first = raw[0];
  if (!(first === 0 || (first === -1 && !raw.slice(1).includes(-1))))
    throw nodeError(
      node,
      `expected a shape that keeps the batch first (0, or -1 with every other size known), got [${raw}]`,
    );
  const target = raw.slice(1).map((s, i) => (s === 0 ? (x.shape[i + 1] ?? -1) : s));
  const size = (dims: (number | null)[]): number | undefined =>
    dims.every((d) => d !== null && d >= 0) ? dims.reduce<number>((a, d) => a * (d as number), 1) : undefined;
  const [from, to] = [size(x.shape.slice(1)), size(target)];
  if (from !== undefined && to !== undefined && from !== to)
    throw nodeError(
      node,
      `unsupported Reshape of [${x.shape}] to [${raw}], which folds other axes into the batch (TimeDistributed's ` +
        'batch * time; supported: shapes that keep the batch)',
    );
  reshapeTo(context, node, x, target);
}

/** Flatten(axis 1): [N, ...] -> [N, product], in ONNX order (an NHWC image is laid out as NCHW first). */
export function lowerFlatten(context: ImportContext, node: OnnxNodeIr, x: DynamicValue): void {
  checkAttributes(node, ['axis']);
  const axis = intAttribute(node, 'axis', 1);
  if (axis !== 1) throw nodeError(node, `unsupported axis ${axis} (supported: 1, keeping the batch)`);
  const plain = inLogicalOrder(x) ? x : materialize(context, node, x);
  const physicalRank = plain.symbolic.shape.length;
  const y = physicalRank === 2 ? plain.symbolic : context.adopt(new Flatten()).apply(plain.symbolic);
  context.setDynamic(node.outputs[0] as string, y, y.shape, [0, 1]);
}
