import { Concatenate, type SymbolicTensor } from '@baihua/core';
import type { ImportContext } from './import-context.js';
import { nodeError } from './import-error.js';
import type { FinalStateValue, SequenceValue } from './import-values.js';
import { intAttribute, intsAttribute } from './node-attributes.js';
import type { OnnxNodeIr } from './onnx-ir.js';
import { constantInts } from './shape-values.js';

/**
 * The nodes PyTorch's exporter puts after an RNN node to get back to a batch-first tensor:
 * Squeeze of the directions axis (one direction), or Transpose(0, 2, 1, 3) + Reshape(0, 0, -1)
 * (exportOnnx: Transpose(2, 0, 1, 3) + Reshape(0, 0, -1); for Y_h, Transpose(1, 0, 2) + Reshape(0, -1))
 * (both directions), then Transpose(1, 0, 2); Gather or Squeeze of Y_h's directions axis. They
 * become relabellings of the recurrent layer's batch-first output; other uses are refused.
 */
function setSequence(context: ImportContext, node: OnnxNodeIr, y: SequenceValue, timeMajor: boolean): void {
  const [batch, time] = y.symbolic.shape as [number | null, number | null];
  const features = y.directions * y.hidden;
  const shape = timeMajor ? [time, batch, features] : [batch, time, features];
  context.setDynamic(node.outputs[0] as string, y.symbolic, shape, timeMajor ? [1, 0, 2] : [0, 1, 2]);
}

function squeezedAxes(context: ImportContext, node: OnnxNodeIr): number[] | undefined {
  return context.has(node, 1) ? constantInts(context, node, 1, 'axes') : intsAttribute(node, 'axes', undefined);
}

/** A node reading an RNN node's Y. */
export function lowerSequenceReader(context: ImportContext, node: OnnxNodeIr, y: SequenceValue): void {
  const directionsAxis = y.layout === 0 ? (y.stage === 'raw' ? 1 : 2) : 2;
  const timeMajor = y.layout === 0;
  if (node.opType === 'Squeeze' && y.directions === 1) {
    const axes = squeezedAxes(context, node);
    if (axes?.length === 1 && (axes[0] === directionsAxis || axes[0] === directionsAxis - 4)) {
      setSequence(context, node, y, timeMajor);
      return;
    }
  }
  if (node.opType === 'Transpose' && y.layout === 0 && y.stage === 'raw') {
    const perm = intsAttribute(node, 'perm', undefined)?.join();
    // [T, D, B, H] -> [T, B, D, H] (PyTorch), or -> [B, T, D, H], which is Y of layout 1 (exportOnnx).
    if (perm === '0,2,1,3' || perm === '2,0,1,3') {
      context.values.set(
        node.outputs[0] as string,
        perm === '0,2,1,3' ? { ...y, stage: 'swapped' } : { ...y, layout: 1 },
      );
      return;
    }
  }
  if (node.opType === 'Reshape' && (y.stage === 'swapped' || y.layout === 1)) {
    const target = constantInts(context, node, 1, 'shape');
    const last = target[2];
    if (
      target.length === 3 &&
      (last === -1 || last === y.directions * y.hidden) &&
      target.slice(0, 2).every((s) => s === 0)
    ) {
      setSequence(context, node, y, timeMajor);
      return;
    }
  }
  throw nodeError(
    node,
    "unsupported use of a recurrent node's Y output (supported: Squeeze of the directions axis, " +
      'or Transpose(0, 2, 1, 3) or (2, 0, 1, 3) then Reshape(0, 0, -1), as PyTorch and exportOnnx write them)',
  );
}

/** A node reading an RNN node's Y_h: Gather or Squeeze of the directions axis gives one direction's state. */
export function lowerFinalStateReader(context: ImportContext, node: OnnxNodeIr, h: FinalStateValue): void {
  const directionsAxis = h.layout === 0 ? 0 : 1;
  const out = node.outputs[0] as string;
  const set = (part: SymbolicTensor): void => context.setDynamic(out, part, [...part.shape], [0, 1]);
  if (node.opType === 'Gather' && intAttribute(node, 'axis', 0) === directionsAxis) {
    const index = context.constant(node, 1, 'indices');
    const k = Number(index.values[0]);
    const part = h.parts[k < 0 ? k + h.parts.length : k];
    if (index.shape.length === 0 && part !== undefined) {
      set(part);
      return;
    }
  }
  if (node.opType === 'Transpose' && h.layout === 0 && intsAttribute(node, 'perm', undefined)?.join() === '1,0,2') {
    context.values.set(out, { ...h, layout: 1 });
    return;
  }
  if (node.opType === 'Reshape' && h.layout === 1) {
    const target = constantInts(context, node, 1, 'shape');
    if (target.length === 2 && target[0] === 0 && (target[1] === -1 || target[1] === h.parts.length * h.hidden)) {
      const parts = h.parts;
      const joined =
        parts.length === 1 ? (parts[0] as SymbolicTensor) : context.adopt(new Concatenate({ axis: -1 })).apply(parts);
      context.setDynamic(out, joined, [...joined.shape], [0, 1]);
      return;
    }
  }
  if (node.opType === 'Squeeze' && h.parts.length === 1) {
    const axes = squeezedAxes(context, node);
    if (axes?.length === 1 && (axes[0] === directionsAxis || axes[0] === directionsAxis - 3)) {
      set(h.parts[0] as SymbolicTensor);
      return;
    }
  }
  throw nodeError(
    node,
    "unsupported use of a recurrent node's Y_h output (supported: Gather or Squeeze of the directions axis, " +
      'or Transpose(1, 0, 2) then Reshape(0, -1))',
  );
}
