import type { ImportContext } from './import-context.js';
import { nodeError, nodeShapeError } from './import-error.js';
import { type DynamicValue, identityAxes } from './import-values.js';
import { OnnxBinary, type OnnxBinaryOptions } from './layers/onnx-binary.js';
import { OnnxReduce, type OnnxReduceOptions } from './layers/onnx-reduce.js';
import { OnnxTile } from './layers/onnx-tile.js';
import { OnnxUnary, type OnnxUnaryOptions } from './layers/onnx-unary.js';
import { materialize } from './layout.js';
import { checkAttributes, intAttribute, intsAttribute } from './node-attributes.js';
import type { OnnxNodeIr } from './onnx-ir.js';
import { axisOf, constantInts } from './shape-values.js';

/**
 * Operators on run-time tensors in their plain (ONNX) layout, as small generic layers: broadcasting
 * arithmetic and MatMul between two run-time tensors (or with a constant that is not per-feature),
 * Sqrt/Erf/..., reductions over any non-batch axes, Tile. The written-out forms exportOnnx makes
 * of GroupNorm, attention and RepeatVector are graphs of these.
 */
const binaryOps: Record<string, OnnxBinaryOptions['op']> = {
  Add: 'add',
  Sub: 'sub',
  Mul: 'mul',
  Div: 'div',
  Pow: 'pow',
  MatMul: 'matMul',
};

type Shape = (number | null)[];

/** ONNX's broadcast of two shapes of one rank (a 1 stretches; the batch must agree). */
function broadcast(node: OnnxNodeIr, a: Shape, b: Shape): Shape {
  if (a.length !== b.length) throw nodeShapeError(node, `expected inputs of one rank, got [${a}] and [${b}]`);
  return a.map((s, i) => {
    const t = b[i] ?? null;
    if (s === 1) return t;
    if (t === 1 || t === s) return s;
    if (s === null || t === null) return s ?? t;
    throw nodeShapeError(node, `expected shapes that broadcast, got [${a}] and [${b}]`);
  });
}

/** Add/Sub/Mul/Div/Pow/MatMul of two run-time tensors, or of one and a constant, as one OnnxBinary. */
export function lowerBinary(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, []);
  const op = binaryOps[node.opType] as OnnxBinaryOptions['op'];
  const [a, b] = [context.input(node, 0), context.input(node, 1)];
  const output = node.outputs[0] as string;
  const outShape = (x: Shape, y: Shape): Shape => {
    if (op !== 'matMul') return broadcast(node, x, y);
    if (x.length < 3 || x.at(-1) !== y.at(-2))
      throw nodeShapeError(node, `expected batched matrices [..., n, k] and [..., k, m], got [${x}] and [${y}]`);
    return [...broadcast(node, x.slice(0, -2), y.slice(0, -2)), x.at(-2) ?? null, y.at(-1) ?? null];
  };
  if (a.kind === 'dynamic' && b.kind === 'dynamic') {
    const [x, y] = [materialize(context, node, a), materialize(context, node, b)];
    const shape = outShape(x.shape, y.shape);
    const z = context.adopt(new OnnxBinary({ op })).apply([x.symbolic, y.symbolic]);
    context.setDynamic(output, z, shape, identityAxes(shape.length));
    return;
  }
  const dynamicFirst = a.kind === 'dynamic';
  const [d, c] = dynamicFirst ? [a, b] : [b, a];
  if (d.kind !== 'dynamic' || c.kind !== 'const')
    throw nodeError(node, `expected run-time tensors or a run-time tensor and a constant, got ${a.kind} and ${b.kind}`);
  const x = materialize(context, node, d);
  const cShape = c.tensor.shape;
  if (cShape.length > x.shape.length || (cShape.length === x.shape.length && cShape[0] !== 1))
    throw nodeShapeError(node, `expected a constant without a batch axis, got [${cShape}] with [${x.shape}]`);
  const constantShape = [...Array<number>(x.shape.length - cShape.length).fill(1), ...cShape];
  const shape = dynamicFirst ? outShape(x.shape, constantShape) : outShape(constantShape, x.shape);
  const layer = context.adopt(new OnnxBinary({ op, constantShape, constantFirst: !dynamicFirst }));
  const z = layer.apply(x.symbolic);
  context.setWeight(node, layer, 'constant', { ...c.tensor, shape: constantShape });
  context.setDynamic(output, z, shape, identityAxes(shape.length));
}

/** Sqrt, Erf, Exp, Log, Neg, Reciprocal: one OnnxUnary, the layout kept. */
export function lowerUnary(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, []);
  const x = context.dynamic(node, 0);
  const op = (node.opType === 'Reciprocal' ? 'reciprocal' : node.opType.toLowerCase()) as OnnxUnaryOptions['op'];
  const y = context.adopt(new OnnxUnary({ op })).apply(x.symbolic);
  context.setDynamic(node.outputs[0] as string, y, x.shape, x.axes);
}

/** ReduceMean/ReduceSum/ReduceMax over non-batch axes (attribute, or input 1 for ReduceSum) as an OnnxReduce. */
export function lowerGenericReduce(context: ImportContext, node: OnnxNodeIr, value: DynamicValue): void {
  checkAttributes(node, ['axes', 'keepdims']);
  const x = materialize(context, node, value);
  const rank = x.shape.length;
  const given = context.has(node, 1) ? constantInts(context, node, 1, 'axes') : intsAttribute(node, 'axes', undefined);
  const axes = (given ?? []).map((a) => axisOf(node, a, rank)).sort();
  if (axes.length === 0 || axes.includes(0))
    throw nodeError(node, `unsupported axes ${JSON.stringify(given ?? [])} (supported: non-batch axes, given)`);
  const keepDims = intAttribute(node, 'keepdims', 1) === 1;
  const op = node.opType.slice('Reduce'.length).toLowerCase() as OnnxReduceOptions['op'];
  const y = context.adopt(new OnnxReduce({ op, axes, keepDims })).apply(x.symbolic);
  const shape = x.shape.flatMap((s, i) => (!axes.includes(i) ? [s] : keepDims ? [1] : []));
  context.setDynamic(node.outputs[0] as string, y, shape, identityAxes(shape.length));
}

/** Tile with constant repeats, the batch repeated once: an OnnxTile. */
export function lowerTile(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, []);
  const x = materialize(context, node, context.dynamic(node, 0));
  const reps = constantInts(context, node, 1, 'repeats');
  if (reps.length !== x.shape.length || reps[0] !== 1)
    throw nodeError(node, `unsupported repeats [${reps}] of [${x.shape}] (supported: one per axis, the batch's 1)`);
  const y = context.adopt(new OnnxTile({ reps: reps.slice(1) })).apply(x.symbolic);
  const shape = x.shape.map((s, i) => (s === null ? null : s * (reps[i] as number)));
  context.setDynamic(node.outputs[0] as string, y, shape, identityAxes(shape.length));
}
