import {
  foldArithmetic,
  foldConstant,
  foldConstantOfShape,
  foldLayoutOfConstant,
  foldShape,
  foldShapeArithmetic,
} from './fold-constants.js';
import { matchCompositeActivation } from './composite-activations.js';
import { activationOperators } from './fuse-activation.js';
import { OnnxActivation } from './layers/onnx-activation.js';
import type { ImportContext } from './import-context.js';
import { nodeError } from './import-error.js';
import { lowerConvTranspose3d } from './lower-conv3d.js';
import { lowerConv, lowerGlobalPool, lowerPad, lowerPool, lowerReduce } from './lower-conv.js';
import { lowerGemm } from './lower-dense.js';
import { arithmetic, matMul } from './lower-arithmetic.js';
import { lowerBinary, lowerGenericReduce, lowerTile, lowerUnary } from './lower-generic.js';
import { lowerEqual } from './lower-masking.js';
import { lowerResize } from './lower-resize.js';
import { lowerActivation, lowerGather, lowerMerge } from './lower-elementwise.js';
import { lowerBatchNorm, lowerLayerNorm } from './lower-norms.js';
import { lowerRecurrent } from './lower-recurrent.js';
import { lowerFlatten, lowerReshape, lowerSqueeze, lowerTranspose, lowerUnsqueeze } from './lower-reshape.js';
import { checkAttributes } from './node-attributes.js';
import type { OnnxNodeIr } from './onnx-ir.js';
import { lowerFinalStateReader, lowerSequenceReader } from './recurrent-outputs.js';

type Lowering = (context: ImportContext, node: OnnxNodeIr) => void;

const passThrough: Lowering = (context, node) => {
  if (node.opType === 'Dropout' && context.isUsed(node.outputs[1] ?? ''))
    throw nodeError(node, 'unsupported mask output of Dropout');
  context.values.set(node.outputs[0] as string, context.input(node, 0));
};

/** Folds on the host when it can, else runs `dynamic` on the run-time input. */
const foldOr =
  (
    dynamic: (context: ImportContext, node: OnnxNodeIr, ...rest: never[]) => void,
    fold = foldShapeArithmetic,
  ): Lowering =>
  (context, node) => {
    if (fold(context, node)) return;
    (dynamic as Lowering)(context, node);
  };
const onDynamic =
  (lower: (context: ImportContext, node: OnnxNodeIr, x: ReturnType<ImportContext['dynamic']>) => void): Lowering =>
  (context, node) =>
    lower(context, node, context.dynamic(node, 0));

const lowerings: Record<string, Lowering> = {
  Constant: foldConstant,
  Identity: passThrough,
  Dropout: passThrough,
  Cast: foldOr((context, node) => {
    checkAttributes(node, ['to']);
    passThrough(context, node);
  }),
  Shape: foldShape,
  ConstantOfShape: foldConstantOfShape,
  Gather: foldOr(lowerGather),
  Unsqueeze: foldOr(onDynamic(lowerUnsqueeze)),
  Squeeze: foldOr(onDynamic(lowerSqueeze)),
  Concat: foldOr(lowerMerge),
  Transpose: foldOr(onDynamic(lowerTranspose), foldLayoutOfConstant),
  Reshape: foldOr(onDynamic(lowerReshape), foldLayoutOfConstant),
  Flatten: onDynamic(lowerFlatten),
  Add: foldOr(arithmetic, foldArithmetic),
  Mul: foldOr(arithmetic, foldArithmetic),
  Sub: foldOr(arithmetic, foldArithmetic),
  Div: foldOr(arithmetic, foldArithmetic),
  Pow: lowerBinary,
  Gemm: lowerGemm,
  MatMul: matMul,
  Sqrt: lowerUnary,
  Erf: lowerUnary,
  Exp: lowerUnary,
  Log: lowerUnary,
  Neg: lowerUnary,
  Reciprocal: lowerUnary,
  ReduceSum: onDynamic(lowerGenericReduce),
  Tile: lowerTile,
  Resize: lowerResize,
  Equal: lowerEqual,
  Conv: lowerConv,
  ConvTranspose: lowerConvTranspose3d,
  MaxPool: lowerPool,
  AveragePool: lowerPool,
  LpPool: lowerPool,
  GlobalAveragePool: lowerGlobalPool,
  GlobalMaxPool: lowerGlobalPool,
  Pad: lowerPad,
  ReduceMean: lowerReduce,
  ReduceMax: lowerReduce,
  BatchNormalization: lowerBatchNorm,
  LayerNormalization: lowerLayerNorm,
  LSTM: lowerRecurrent,
  GRU: lowerRecurrent,
  RNN: lowerRecurrent,
  ...Object.fromEntries(activationOperators.map((op) => [op, lowerActivation])),
};

/**
 * The ONNX operators (default domain) importOnnx reads, sorted; any other is refused by name.
 * @example importableOnnxOperators.includes('LSTM'); // true
 * In plain words: the words of ONNX the importer understands.
 */
export const importableOnnxOperators: readonly string[] = Object.keys(lowerings).sort();

/** A Sigmoid or Mul that starts a silu or gelu subgraph: the whole subgraph as one OnnxActivation. */
function lowerComposite(context: ImportContext, node: OnnxNodeIr): boolean {
  if (node.opType !== 'Sigmoid' && node.opType !== 'Mul') return false;
  for (const name of node.inputs) {
    const x = context.values.get(name);
    const composite = x?.kind === 'dynamic' ? matchCompositeActivation(context, name) : undefined;
    if (x?.kind !== 'dynamic' || composite === undefined || !composite.nodes.includes(node)) continue;
    for (const n of composite.nodes) context.fold(n);
    const y = context.adopt(new OnnxActivation({ activation: composite.activation })).apply(x.symbolic);
    context.setDynamic(composite.output, y, x.shape, x.axes);
    return true;
  }
  return false;
}

/** Lowers one node: folds it, relabels it, or adds the baihua layer that computes it. */
export function lowerNode(context: ImportContext, node: OnnxNodeIr): void {
  if (node.domain !== '' && node.domain !== 'ai.onnx')
    throw nodeError(node, `unsupported operator domain '${node.domain}' (supported: the default ONNX domain)`);
  const first = node.inputs[0] ? context.values.get(node.inputs[0]) : undefined;
  if (first?.kind === 'sequence') {
    lowerSequenceReader(context, node, first);
    return;
  }
  if (first?.kind === 'final') {
    lowerFinalStateReader(context, node, first);
    return;
  }
  if (lowerComposite(context, node)) return;
  const lower = lowerings[node.opType];
  if (lower === undefined)
    throw nodeError(node, `unsupported operator ${node.opType} (supported: ${importableOnnxOperators.join(', ')})`);
  lower(context, node);
}
