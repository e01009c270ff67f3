import type { ImportContext } from './import-context.js';
import { nodeError } from './import-error.js';
import { floatTensor, intTensor, transposeHost, withShape } from './host-tensors.js';
import { checkAttributes, intAttribute, intsAttribute } from './node-attributes.js';
import { type HostTensor, type OnnxNodeIr, sizeOf } from './onnx-ir.js';
import { axisOf, constantInts, dimsValue, readDims } from './shape-values.js';

/**
 * Constant folding: nodes whose inputs are all known while importing (initialisers, Constant nodes,
 * shapes of run-time tensors) are computed here, once, on the host, and leave no layer behind.
 * Each function returns false when an input is a run-time tensor (the node is then lowered to a layer).
 */

export function foldConstant(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['value', 'value_float', 'value_floats', 'value_int', 'value_ints']);
  const [name, attribute] = [...node.attributes.entries()][0] ?? [];
  if (attribute === undefined || node.attributes.size !== 1)
    throw nodeError(node, `expected exactly one value attribute, got ${node.attributes.size}`);
  let tensor: HostTensor;
  if (attribute.kind === 'tensor') tensor = attribute.value;
  else if (attribute.kind === 'float') tensor = floatTensor([], [attribute.value]);
  else if (attribute.kind === 'floats') tensor = floatTensor([attribute.value.length], attribute.value);
  else if (attribute.kind === 'int') tensor = intTensor([], [attribute.value]);
  else if (attribute.kind === 'ints') tensor = intTensor([attribute.value.length], attribute.value);
  else throw nodeError(node, `expected attribute '${name}' to hold a tensor or numbers, got ${attribute.kind}`);
  context.values.set(node.outputs[0] as string, { kind: 'const', tensor });
}

/** Shape(x): known sizes become numbers, the dynamic batch (and time) stay unknown. */
export function foldShape(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['start', 'end']);
  const value = context.input(node, 0);
  let shape: (number | null)[];
  if (value.kind === 'const') shape = value.tensor.shape;
  else if (value.kind === 'dynamic') shape = value.shape;
  else throw nodeError(node, `expected a tensor input, got a ${value.kind} value`);
  const start = intAttribute(node, 'start', 0);
  const end = intAttribute(node, 'end', shape.length);
  const clamp = (i: number): number => Math.min(Math.max(i < 0 ? i + shape.length : i, 0), shape.length);
  context.values.set(node.outputs[0] as string, dimsValue(shape.slice(clamp(start), clamp(end))));
}

/** Gather / Unsqueeze / Squeeze / Concat / Cast on small integer vectors (shape arithmetic). */
export function foldShapeArithmetic(context: ImportContext, node: OnnxNodeIr): boolean {
  const out = node.outputs[0] as string;
  const data = readDims(context, node, 0);
  if (data === undefined) return false;
  if (node.opType === 'Gather') {
    if (intAttribute(node, 'axis', 0) !== 0 || data.rank !== 1) return false;
    const index = context.input(node, 1);
    if (index.kind !== 'const') return false;
    const picked = Array.from(index.tensor.values, (i) => data.dims[axisOf(node, Number(i), data.dims.length)] ?? null);
    context.values.set(out, dimsValue(picked, index.tensor.shape.length === 0 ? 0 : 1));
  } else if (node.opType === 'Unsqueeze') {
    const axes = constantInts(context, node, 1, 'axes');
    if (data.rank !== 0 || axes.length !== 1 || (axes[0] !== 0 && axes[0] !== -1)) return false;
    context.values.set(out, dimsValue(data.dims, 1));
  } else if (node.opType === 'Squeeze') {
    if (data.rank !== 1 || data.dims.length !== 1) return false;
    context.values.set(out, dimsValue(data.dims, 0));
  } else if (node.opType === 'Concat') {
    const parts = node.inputs.map((_, i) => readDims(context, node, i));
    if (parts.some((p) => p === undefined || p.rank !== 1)) return false;
    context.values.set(out, dimsValue(parts.flatMap((p) => p?.dims ?? [])));
  } else if (node.opType === 'Cast') {
    const value = context.input(node, 0);
    if (value.kind === 'const' && intAttribute(node, 'to', 1) === 1) context.values.set(out, castToFloat(value.tensor));
    else context.values.set(out, value);
  } else return false;
  return true;
}

function castToFloat(t: HostTensor): { kind: 'const'; tensor: HostTensor } {
  return { kind: 'const', tensor: floatTensor(t.shape, t.values) };
}

/** ConstantOfShape: a constant when the shape is known, else a fill of unknown size. */
export function foldConstantOfShape(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['value']);
  const attribute = node.attributes.get('value');
  const fill = attribute?.kind === 'tensor' ? Number(attribute.value.values[0] ?? 0) : 0;
  const dims = readDims(context, node, 0);
  if (dims === undefined) throw nodeError(node, 'expected a shape input');
  const known = dims.dims.every((d) => d !== null);
  context.values.set(
    node.outputs[0] as string,
    known
      ? {
          kind: 'const',
          tensor: floatTensor(dims.dims as number[], new Array(sizeOf(dims.dims as number[])).fill(fill)),
        }
      : { kind: 'fill', value: fill, dims: dims.dims },
  );
}

/** Transpose / Reshape of a constant (weights PyTorch stores transposed, as for MatMul). */
export function foldLayoutOfConstant(context: ImportContext, node: OnnxNodeIr): boolean {
  const value = context.input(node, 0);
  if (value.kind !== 'const') return false;
  const t = value.tensor;
  const out = node.outputs[0] as string;
  if (node.opType === 'Transpose') {
    const perm = intsAttribute(node, 'perm', undefined) ?? t.shape.map((_, i) => t.shape.length - 1 - i);
    context.values.set(out, { kind: 'const', tensor: transposeHost(t, perm) });
    return true;
  }
  const target = constantInts(context, node, 1, 'shape').map((s, i) => (s === 0 ? (t.shape[i] as number) : s));
  const known = sizeOf(target.filter((s) => s !== -1));
  const shape = target.map((s) => (s === -1 ? sizeOf(t.shape) / known : s));
  if (sizeOf(shape) !== sizeOf(t.shape)) throw nodeError(node, `cannot reshape ${t.shape} to ${target}`);
  context.values.set(out, { kind: 'const', tensor: withShape(t, shape) });
  return true;
}

const arithmetic: Record<string, (a: number, b: number) => number> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Mul: (a, b) => a * b,
  Div: (a, b) => a / b,
};

/** Add / Sub / Mul / Div of two constants of one shape, or of a constant and a scalar. */
export function foldArithmetic(context: ImportContext, node: OnnxNodeIr): boolean {
  const [a, b] = [context.input(node, 0), context.input(node, 1)];
  const op = arithmetic[node.opType];
  if (a.kind !== 'const' || b.kind !== 'const' || op === undefined) return false;
  const [x, y] = [a.tensor, b.tensor];
  const n = Math.max(sizeOf(x.shape), sizeOf(y.shape));
  const scalar = (t: HostTensor): boolean => sizeOf(t.shape) === 1;
  if (x.shape.join() !== y.shape.join() && !scalar(x) && !scalar(y))
    throw nodeError(node, `unsupported broadcasting of constants [${x.shape}] and [${y.shape}]`);
  const at = (t: HostTensor, i: number): number => Number(t.values[scalar(t) ? 0 : i]);
  const values = Array.from({ length: n }, (_, i) => op(at(x, i), at(y, i)));
  const shape = sizeOf(x.shape) >= sizeOf(y.shape) ? x.shape : y.shape;
  const isInt = x.dtype === 'int' && y.dtype === 'int';
  const tensor = isInt ? intTensor(shape, values.map(Math.trunc)) : floatTensor(shape, values);
  context.values.set(node.outputs[0] as string, { kind: 'const', tensor });
  return true;
}
