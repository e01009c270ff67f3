import type { ImportContext } from './import-context.js';
import type { ImportValue } from './import-values.js';
import { fitsChannelAffine, lowerConstantArithmetic } from './lower-affine.js';
import { lowerMatMul } from './lower-dense.js';
import { lowerMerge } from './lower-elementwise.js';
import { lowerBinary } from './lower-generic.js';
import type { OnnxNodeIr } from './onnx-ir.js';

type Lowering = (context: ImportContext, node: OnnxNodeIr) => void;

/**
 * Add / Mul / Sub / Div: of a run-time tensor and a scalar or per-feature constant (OnnxChannelAffine),
 * Add / Mul of two run-time tensors of one shape and layout (Add, Multiply layers), else an OnnxBinary.
 */
export const arithmetic: Lowering = (context, node) => {
  const values = node.inputs.map((name) => context.values.get(name));
  const constants = values.filter((v) => v?.kind === 'const').length;
  if (constants === 1 && fitsChannelAffine(context, node)) lowerConstantArithmetic(context, node);
  else if (constants === 0 && (node.opType === 'Add' || node.opType === 'Mul') && sameLayout(values))
    lowerMerge(context, node);
  else lowerBinary(context, node);
};

function sameLayout(values: (ImportValue | undefined)[]): boolean {
  const [a, b] = values;
  return (
    a?.kind === 'dynamic' &&
    b?.kind === 'dynamic' &&
    a.shape.join() === b.shape.join() &&
    a.axes.join() === b.axes.join()
  );
}

/** MatMul by a constant weight (Dense), or of two run-time tensors (OnnxBinary). */
export const matMul: Lowering = (context, node) => {
  if (context.values.get(node.inputs[1] ?? '')?.kind === 'dynamic') lowerBinary(context, node);
  else lowerMatMul(context, node);
};
