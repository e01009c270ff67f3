import type { ImportContext } from './import-context.js';
import { nodeError, nodeShapeError } from './import-error.js';
import type { DynamicValue } from './import-values.js';
import { toChannelsLast } from './layout.js';
import { OnnxChannelAffine } from './layers/onnx-channel-affine.js';
import { type HostTensor, type OnnxNodeIr, sizeOf } from './onnx-ir.js';

/**
 * Mul / Add / Sub / Div of a run-time tensor by a constant that is a scalar or a vector along one
 * axis, where that axis is baihua's last (the features, or an image's channels): one
 * OnnxChannelAffine (x * scale + shift). A Mul or Div whose only reader adds or subtracts another
 * such constant is folded with it (an inference BatchNorm written as Mul + Add).
 */
function operands(context: ImportContext, node: OnnxNodeIr): { x: DynamicValue; c: HostTensor } | undefined {
  const [a, b] = [context.input(node, 0), context.input(node, 1)];
  if (a.kind === 'dynamic' && b.kind === 'const') return { x: a, c: b.tensor };
  if (a.kind === 'const' && b.kind === 'dynamic' && (node.opType === 'Add' || node.opType === 'Mul'))
    return { x: b, c: a.tensor };
  return undefined;
}

/** The constant as a [C] vector over x's physical last axis, or undefined when it broadcasts otherwise. */
function perFeature(x: DynamicValue, c: HostTensor, features: number): Float32Array | undefined {
  const size = sizeOf(c.shape);
  if (size === 1) return new Float32Array(features).fill(Number(c.values[0]));
  if (c.shape.length > x.shape.length) return undefined;
  const offset = x.shape.length - c.shape.length;
  const axes = c.shape.flatMap((s, i) => (s === 1 ? [] : [i + offset]));
  const lastPhysical = Math.max(...x.axes);
  if (axes.length !== 1 || x.axes[axes[0] as number] !== lastPhysical || size !== features) return undefined;
  return Float32Array.from(c.values, Number);
}

/** Whether the node is a run-time tensor and a scalar or per-feature constant (what OnnxChannelAffine computes). */
export function fitsChannelAffine(context: ImportContext, node: OnnxNodeIr): boolean {
  const found = operands(context, node);
  if (found === undefined) return false;
  const { x, c } = found;
  if (sizeOf(c.shape) === 1) return true;
  if (c.shape.length === 4 && sizeOf(c.shape) === c.shape[1] && x.shape.length === 4) return true;
  return perFeature(x, c, x.symbolic.shape.at(-1) as number) !== undefined;
}

export function lowerConstantArithmetic(context: ImportContext, node: OnnxNodeIr): void {
  const found = operands(context, node);
  if (found === undefined)
    throw nodeError(
      node,
      `unsupported ${node.opType} (supported: a run-time tensor and a constant, that order for Sub/Div)`,
    );
  let { x } = found;
  // A per-channel constant on an NCHW image still held as NCHW: bring the image to NHWC first.
  const channelConstant = found.c.shape.length === 4 && sizeOf(found.c.shape) === found.c.shape[1];
  if (channelConstant && x.shape.length === 4 && sizeOf(found.c.shape) > 1) x = toChannelsLast(context, node, x);
  const features = x.symbolic.shape.at(-1) as number;
  const vector = (n: OnnxNodeIr, c: HostTensor): Float32Array => {
    const v = perFeature(x, c, features);
    if (v === undefined)
      throw nodeShapeError(
        n,
        `expected a scalar or a [${features}] constant along the features (or channels) of ` +
          `${JSON.stringify(x.shape)}, got [${c.shape}]`,
      );
    return v;
  };
  let scale: Float32Array | undefined;
  let shift: Float32Array | undefined;
  let output = node.outputs[0] as string;
  const value = vector(node, found.c);
  if (node.opType === 'Mul') scale = value;
  else if (node.opType === 'Div') scale = value.map((v) => 1 / v);
  else shift = node.opType === 'Sub' ? value.map((v) => -v) : value;
  const next = scale ? context.soleReader(output) : undefined;
  if (next && (next.opType === 'Add' || next.opType === 'Sub') && next.attributes.size === 0) {
    const other = next.inputs[0] === output ? next.inputs[1] : next.opType === 'Add' ? next.inputs[0] : undefined;
    const c = other === undefined ? undefined : context.values.get(other);
    const v = c?.kind === 'const' ? perFeature(x, c.tensor, features) : undefined;
    if (v !== undefined) {
      shift = next.opType === 'Sub' ? v.map((s) => -s) : v;
      context.fold(next);
      output = next.outputs[0] as string;
    }
  }
  const layer = context.adopt(new OnnxChannelAffine({ scale: scale !== undefined, shift: shift !== undefined }));
  const y = layer.apply(x.symbolic);
  if (scale) context.setWeight(node, layer, 'scale', { dtype: 'float32', shape: [features], values: scale });
  if (shift) context.setWeight(node, layer, 'shift', { dtype: 'float32', shape: [features], values: shift });
  context.setDynamic(output, y, x.shape, x.axes);
}
