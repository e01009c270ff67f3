import { Dense } from '@baihua/core';
import { fuseActivation } from './fuse-activation.js';
import { combine, transpose2d, withShape } from './host-tensors.js';
import type { ImportContext } from './import-context.js';
import { nodeError, nodeShapeError } from './import-error.js';
import { identityAxes } from './import-values.js';
import { materialize } from './layout.js';
import { checkAttributes, floatAttribute, intAttribute } from './node-attributes.js';
import { type HostTensor, type OnnxNodeIr, sizeOf } from './onnx-ir.js';

/**
 * Gemm and MatMul with a constant weight become one Dense layer (kernel [in, out]); a following
 * Add of a constant [out] becomes its bias and a following activation its activation.
 */

function makeDense(
  context: ImportContext,
  node: OnnxNodeIr,
  inputIndex: number,
  kernel: HostTensor,
  bias: HostTensor | undefined,
  output: string,
): void {
  const x = materialize(context, node, context.dynamic(node, inputIndex));
  const units = kernel.shape[1] as number;
  const features = x.shape.at(-1);
  if (features !== kernel.shape[0])
    throw nodeShapeError(node, `expected a weight with ${features} input rows, got shape [${kernel.shape}]`);
  const fused = fuseActivation(context, output, x.shape.length);
  const dense = context.adopt(
    new Dense({ units, useBias: bias !== undefined, ...(fused.activation ? { activation: fused.activation } : {}) }),
  );
  const y = dense.apply(x.symbolic);
  context.setWeight(node, dense, 'kernel', kernel);
  if (bias !== undefined) context.setWeight(node, dense, 'bias', bias);
  const shape = [...x.shape.slice(0, -1), units];
  context.setDynamic(fused.output, y, shape, identityAxes(shape.length));
}

/** A bias [out], [1, out] or a scalar broadcast to [out]. */
function biasVector(node: OnnxNodeIr, c: HostTensor, units: number, scale: number): HostTensor {
  const size = sizeOf(c.shape);
  const leading = c.shape.slice(0, -1).every((s) => s === 1);
  if (size === 1)
    return combine(
      { dtype: 'float32', shape: [units], values: new Float32Array(units).fill(Number(c.values[0])) },
      scale,
    );
  if (!leading || c.shape.at(-1) !== units)
    throw nodeShapeError(node, `expected a bias of shape [${units}] (or [1, ${units}]), got [${c.shape}]`);
  return combine(withShape(c, [units]), scale);
}

/** Gemm: y = alpha * A B' + beta * C with A the run-time input, B (and C) constants. */
export function lowerGemm(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['alpha', 'beta', 'transA', 'transB']);
  if (intAttribute(node, 'transA', 0) !== 0) throw nodeError(node, 'unsupported transA 1 (supported: 0)');
  const b = context.constant(node, 1, 'weight B');
  if (b.shape.length !== 2) throw nodeShapeError(node, `expected a 2-D weight B, got shape [${b.shape}]`);
  const kernel = combine(intAttribute(node, 'transB', 0) === 1 ? transpose2d(b) : b, floatAttribute(node, 'alpha', 1));
  const units = kernel.shape[1] as number;
  const bias = context.has(node, 2)
    ? biasVector(node, context.constant(node, 2, 'bias C'), units, floatAttribute(node, 'beta', 1))
    : undefined;
  makeDense(context, node, 0, kernel, bias, node.outputs[0] as string);
}

/** MatMul of a run-time tensor [..., in] by a constant [in, out]; a sole Add of a constant [out] is its bias. */
export function lowerMatMul(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, []);
  const kernel = context.constant(node, 1, 'weight');
  if (kernel.shape.length !== 2) throw nodeShapeError(node, `expected a 2-D weight, got shape [${kernel.shape}]`);
  let output = node.outputs[0] as string;
  let bias: HostTensor | undefined;
  const add = context.soleReader(output);
  if (add?.opType === 'Add' && add.attributes.size === 0) {
    const other = add.inputs[0] === output ? 1 : 0;
    const value = context.values.get(add.inputs[other] as string);
    if (value?.kind === 'const' && sizeOf(value.tensor.shape) === kernel.shape[1]) {
      bias = biasVector(add, value.tensor, kernel.shape[1] as number, 1);
      context.fold(add);
      output = add.outputs[0] as string;
    }
  }
  makeDense(context, node, 0, kernel, bias, output);
}
