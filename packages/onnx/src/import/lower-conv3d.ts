import { AvgPool3D, Conv3D, Conv3DTranspose, MaxPool3D } from '@baihua/cnn';
import type { Layer } from '@baihua/core';
import { paddingMode, spatialGeometry } from './conv-padding.js';
import { fuseActivation } from './fuse-activation.js';
import { transposeHost } from './host-tensors.js';
import type { ImportContext } from './import-context.js';
import { nodeError, nodeShapeError } from './import-error.js';
import type { DynamicValue } from './import-values.js';
import { OnnxPermute } from './layers/onnx-permute.js';
import { materialize } from './layout.js';
import { checkAttributes, intAttribute, intsAttribute, requireValue } from './node-attributes.js';
import type { OnnxNodeIr } from './onnx-ir.js';

/**
 * Volumes: ONNX's 5-D Conv and pooling (NCDHW) as baihua's Conv3D, MaxPool3D and AvgPool3D
 * (NDHWC). As for images (lower-conv.ts), a value stays channels-last between them, labelled as
 * logical NCDHW; kernels [O, I, kd, kh, kw] become [kd, kh, kw, I, O].
 */
const ncdhwAsNdhwc = [0, 4, 1, 2, 3];

function applyVolumeLayer(context: ImportContext, node: OnnxNodeIr, layer: Layer, output = node.outputs[0]): void {
  let x: DynamicValue = context.dynamic(node, 0);
  if (!x.axes.every((a, i) => a === ncdhwAsNdhwc[i])) {
    const plain = materialize(context, node, x);
    const symbolic = context.adopt(new OnnxPermute({ dims: [2, 3, 4, 1] })).apply(plain.symbolic);
    x = { ...x, symbolic, axes: ncdhwAsNdhwc };
  }
  const y = context.adopt(layer).apply(x.symbolic);
  const [n, d, h, w, c] = y.shape;
  context.setDynamic(output as string, y, [n ?? null, c ?? null, d ?? null, h ?? null, w ?? null], ncdhwAsNdhwc);
}

/** Conv with a 5-D weight (group 1): a Conv3D; a sole activation reader is fused. */
export function lowerConv3d(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['auto_pad', 'dilations', 'group', 'kernel_shape', 'pads', 'strides']);
  const weight = context.constant(node, 1, 'weight W');
  requireValue(node, 'group', intAttribute(node, 'group', 1), [1]);
  const geometry = spatialGeometry(node, weight.shape.slice(2), 3);
  const x = context.dynamic(node, 0);
  if (x.shape.length !== 5 || x.shape[1] !== weight.shape[1])
    throw nodeShapeError(node, `expected an NCDHW input with ${weight.shape[1]} channels, got shape [${x.shape}]`);
  const padding = paddingMode(node, geometry, x.shape.slice(2), ['same', 'full']);
  const bias = context.has(node, 2) ? context.constant(node, 2, 'bias B') : undefined;
  const fused = fuseActivation(context, node.outputs[0] as string, 5, true);
  const conv = new Conv3D({
    filters: weight.shape[0] as number,
    kernelSize: geometry.kernel,
    strides: geometry.strides,
    dilations: geometry.dilations,
    padding,
    useBias: bias !== undefined,
    ...(fused.activation === undefined ? {} : { activation: fused.activation }),
  });
  applyVolumeLayer(context, node, conv, fused.output);
  context.setWeight(node, conv, 'kernel', transposeHost(weight, [2, 3, 4, 1, 0]));
  if (bias !== undefined) context.setWeight(node, conv, 'bias', bias);
}

/** MaxPool / AveragePool with a 3-D kernel: MaxPool3D / AvgPool3D. */
export function lowerPool3d(context: ImportContext, node: OnnxNodeIr): void {
  const common = ['auto_pad', 'kernel_shape', 'pads', 'strides'];
  const own =
    node.opType === 'MaxPool' ? ['ceil_mode', 'dilations', 'storage_order'] : ['ceil_mode', 'count_include_pad'];
  checkAttributes(node, [...common, ...own]);
  if (node.opType !== 'MaxPool' && node.opType !== 'AveragePool')
    throw nodeError(node, 'unsupported 3-D pooling (supported: MaxPool, AveragePool)');
  requireValue(node, 'ceil_mode', intAttribute(node, 'ceil_mode', 0), [0]);
  requireValue(node, 'storage_order', intAttribute(node, 'storage_order', 0), [0]);
  if (node.outputs.length > 1 && node.outputs[1] !== '') throw nodeError(node, 'unsupported Indices output');
  const geometry = spatialGeometry(node, undefined, 3);
  requireValue(node, 'dilations', geometry.dilations, [[1, 1, 1]]);
  const padding = paddingMode(node, geometry, context.dynamic(node, 0).shape.slice(2), ['same']) as 'valid' | 'same';
  const options = { poolSize: geometry.kernel, strides: geometry.strides, padding };
  if (node.opType === 'MaxPool') {
    applyVolumeLayer(context, node, new MaxPool3D(options));
    return;
  }
  if (padding === 'same') requireValue(node, 'count_include_pad', intAttribute(node, 'count_include_pad', 0), [0]);
  applyVolumeLayer(context, node, new AvgPool3D(options));
}

/**
 * ConvTranspose with a 5-D weight [I, O, kd, kh, kw] (group 1, dilations 1): a Conv3DTranspose,
 * kernel [kd, kh, kw, O, I]. Pads all zero are 'valid'; pads that crop floor(c / 2) at the start and
 * the rest at the end, c = k - s (k >= s), are 'same' (output n s), as exportOnnx writes them.
 */
export function lowerConvTranspose3d(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['dilations', 'group', 'kernel_shape', 'pads', 'strides', 'output_padding']);
  const weight = context.constant(node, 1, 'weight W');
  if (weight.shape.length !== 5)
    throw nodeShapeError(node, `expected a 5-D weight [I, O, kd, kh, kw] (3-D), got [${weight.shape}]`);
  requireValue(node, 'group', intAttribute(node, 'group', 1), [1]);
  const geometry = spatialGeometry(node, weight.shape.slice(2), 3);
  requireValue(node, 'dilations', geometry.dilations, [[1, 1, 1]]);
  const outputPadding = intsAttribute(node, 'output_padding', [0, 0, 0]) as number[];
  if (outputPadding.some((p) => p !== 0)) throw nodeError(node, `unsupported output_padding [${outputPadding}]`);
  const pads = intsAttribute(node, 'pads', [0, 0, 0, 0, 0, 0]) as number[];
  const crops = geometry.kernel.map((k, i) => k - (geometry.strides[i] as number));
  const same = crops.every((c, i) => c >= 0 && pads[i] === Math.floor(c / 2) && pads[i + 3] === c - Math.floor(c / 2));
  if (!pads.every((p) => p === 0) && !same)
    throw nodeError(node, `unsupported pads [${pads}] (supported: none, or 'same' as exportOnnx writes it)`);
  const x = context.dynamic(node, 0);
  if (x.shape.length !== 5 || x.shape[1] !== weight.shape[0])
    throw nodeShapeError(node, `expected an NCDHW input with ${weight.shape[0]} channels, got shape [${x.shape}]`);
  const bias = context.has(node, 2) ? context.constant(node, 2, 'bias B') : undefined;
  const fused = fuseActivation(context, node.outputs[0] as string, 5, true);
  const conv = new Conv3DTranspose({
    filters: weight.shape[1] as number,
    kernelSize: geometry.kernel,
    strides: geometry.strides,
    padding: pads.every((p) => p === 0) ? 'valid' : 'same',
    useBias: bias !== undefined,
    ...(fused.activation === undefined ? {} : { activation: fused.activation }),
  });
  applyVolumeLayer(context, node, conv, fused.output);
  context.setWeight(node, conv, 'kernel', transposeHost(weight, [2, 3, 4, 1, 0]));
  if (bias !== undefined) context.setWeight(node, conv, 'bias', bias);
}
