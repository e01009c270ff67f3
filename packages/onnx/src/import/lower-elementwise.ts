import { Add, Concatenate, Embedding, Multiply } from '@baihua/core';
import { activationOf } from './fuse-activation.js';
import type { ImportContext } from './import-context.js';
import { nodeError, nodeShapeError } from './import-error.js';
import { type DynamicValue, identityAxes } from './import-values.js';
import { OnnxActivation } from './layers/onnx-activation.js';
import { OnnxSelect } from './layers/onnx-select.js';
import { materialize } from './layout.js';
import { matchMaskLengths } from './mask-lengths.js';
import { checkAttributes, intAttribute } from './node-attributes.js';
import type { OnnxNodeIr } from './onnx-ir.js';
import { axisOf } from './shape-values.js';

/**
 * Operators on run-time tensors that are not layers with weights of their own in ONNX: Add, Mul,
 * Concat of run-time tensors (Add, Multiply, Concatenate), an activation no layer before it could
 * take (OnnxActivation), Gather (Embedding for a constant table, OnnxSelect for one time step).
 */
function sameLayout(node: OnnxNodeIr, values: DynamicValue[]): void {
  const [first] = values as [DynamicValue];
  for (const v of values)
    if (v.shape.join() !== first.shape.join() || v.axes.join() !== first.axes.join())
      throw nodeShapeError(
        node,
        `expected inputs of one shape (no broadcasting), got [${values.map((x) => `[${x.shape}]`).join(', ')}]`,
      );
}

/** Add / Mul of two run-time tensors of one shape. */
export function lowerMerge(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, node.opType === 'Concat' ? ['axis'] : []);
  const values = node.inputs.map((_, i) => context.input(node, i));
  if (!values.every((v) => v.kind === 'dynamic'))
    throw nodeError(node, 'unsupported mix of a constant and a run-time tensor (supported: a bias after MatMul)');
  const xs = values as DynamicValue[];
  const first = xs[0] as DynamicValue;
  if (node.opType === 'Concat') {
    const axis = axisOf(node, intAttribute(node, 'axis', 0), first.shape.length);
    const rest = (v: DynamicValue): string => v.shape.filter((_, i) => i !== axis).join();
    if (axis === 0 || !xs.every((v) => rest(v) === rest(first) && v.axes.join() === first.axes.join()))
      throw nodeShapeError(node, `expected inputs that differ only along axis ${axis} (not the batch)`);
    const y = context.adopt(new Concatenate({ axis: first.axes[axis] as number })).apply(xs.map((v) => v.symbolic));
    const shape = [...first.shape];
    shape[axis] = xs.every((v) => v.shape[axis] !== null)
      ? xs.reduce((n, v) => n + (v.shape[axis] as number), 0)
      : null;
    context.setDynamic(node.outputs[0] as string, y, shape, first.axes);
    return;
  }
  sameLayout(node, xs);
  const layer = node.opType === 'Add' ? new Add() : new Multiply();
  const y = context.adopt(layer).apply(xs.map((v) => v.symbolic));
  context.setDynamic(node.outputs[0] as string, y, first.shape, first.axes);
}

/** An activation node on its own (its input was read by several nodes, or came from a merge). */
export function lowerActivation(context: ImportContext, node: OnnxNodeIr): void {
  const x = context.dynamic(node, 0);
  const elementwise = !['Softmax', 'LogSoftmax'].includes(node.opType);
  const plain = elementwise ? x : materialize(context, node, x);
  const name = activationOf(node, x.shape.length);
  if (name === undefined)
    throw nodeError(node, `unsupported attributes ${JSON.stringify([...node.attributes.keys()])}`);
  const y = context.adopt(new OnnxActivation({ activation: name })).apply(plain.symbolic);
  context.setDynamic(node.outputs[0] as string, y, plain.shape, plain.axes);
}

/**
 * Gather: rows of a constant table by run-time ids (Embedding; with maskZero when the ids also make
 * recurrent sequence_lens, as exportOnnx writes a masking Embedding), or one time step of a run-time tensor.
 */
export function lowerGather(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['axis']);
  const data = context.input(node, 0);
  const axis = intAttribute(node, 'axis', 0);
  if (data.kind === 'const') {
    const ids = materialize(context, node, context.dynamic(node, 1));
    if (axis !== 0 || data.tensor.shape.length !== 2)
      throw nodeError(
        node,
        `expected a 2-D table gathered on axis 0 (an embedding), got [${data.tensor.shape}] axis ${axis}`,
      );
    const [rows, width] = data.tensor.shape as [number, number];
    const lengths = matchMaskLengths(context, node.inputs[1] as string);
    for (const n of lengths ?? []) context.fold(n);
    if (lengths !== undefined) context.values.set(lengths.at(-1)?.outputs[0] as string, { kind: 'lengths' });
    const maskZero = lengths !== undefined;
    const layer = context.adopt(new Embedding({ inputDim: rows, outputDim: width, maskZero }));
    const y = layer.apply(ids.symbolic);
    context.setWeight(node, layer, 'embeddings', data.tensor);
    const shape = [...ids.shape, width];
    context.setDynamic(node.outputs[0] as string, y, shape, identityAxes(shape.length));
    return;
  }
  const x = context.dynamic(node, 0);
  const index = context.constant(node, 1, 'indices');
  const logical = axisOf(node, axis, x.shape.length);
  const physical = x.axes[logical] as number;
  if (index.shape.length !== 0 || x.shape.length !== 3 || physical !== 1 || x.axes[0] !== 0)
    throw nodeError(
      node,
      'unsupported Gather (supported: an embedding table, or one step of the time axis of [batch, time, features])',
    );
  const y = context.adopt(new OnnxSelect({ step: Number(index.values[0]) })).apply(x.symbolic);
  const shape = x.shape.filter((_, i) => i !== logical);
  context.setDynamic(node.outputs[0] as string, y, shape, identityAxes(2));
}
