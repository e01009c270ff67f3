import {
  AvgPool2D,
  Conv2D,
  GlobalAvgPool1D,
  GlobalAvgPool2D,
  GlobalMaxPool1D,
  GlobalMaxPool2D,
  L2Pool2D,
  MaxPool2D,
} from '@baihua/cnn';
import type { Layer } from '@baihua/core';
import { OnnxGroupedConv } from './layers/onnx-grouped-conv.js';
import { lowerConv3d, lowerPool3d } from './lower-conv3d.js';
import { lowerGenericReduce } from './lower-generic.js';
import { paddingMode, spatialGeometry } from './conv-padding.js';
import { fuseActivation } from './fuse-activation.js';
import { transposeHost } from './host-tensors.js';
import type { ImportContext } from './import-context.js';
import { nodeError, nodeShapeError } from './import-error.js';
import { nchwAsNhwc, nchwShapeOf, toChannelsLast } from './layout.js';
import { checkAttributes, intAttribute, intsAttribute, requireValue } from './node-attributes.js';
import type { OnnxNodeIr } from './onnx-ir.js';

/**
 * Convolution and pooling. ONNX works in NCHW; baihua's Conv2D and pools in NHWC: the input is
 * brought to NHWC once (see layout.ts) and outputs stay NHWC, labelled as logical NCHW, so a chain
 * of convolutions has no transposes between its layers. Kernels [O, I, kh, kw] become [kh, kw, I, O].
 */

function applyImageLayer(context: ImportContext, node: OnnxNodeIr, layer: Layer, output = node.outputs[0]): void {
  const x = toChannelsLast(context, node, context.dynamic(node, 0));
  const y = context.adopt(layer).apply(x.symbolic);
  context.setDynamic(output as string, y, nchwShapeOf(y.shape), nchwAsNhwc);
}

/**
 * Conv: a Conv2D with the node's padding, strides and dilations (group > 1: an OnnxGroupedConv,
 * depthwise when each group has one input channel); a sole activation reader is fused.
 */
export function lowerConv(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['auto_pad', 'dilations', 'group', 'kernel_shape', 'pads', 'strides']);
  const weight = context.constant(node, 1, 'weight W');
  if (weight.shape.length === 5) {
    lowerConv3d(context, node);
    return;
  }
  if (weight.shape.length !== 4)
    throw nodeShapeError(node, `expected a 4-D or 5-D weight [O, I, kh, kw], got [${weight.shape}]`);
  const groups = intAttribute(node, 'group', 1);
  const geometry = spatialGeometry(node, weight.shape.slice(2));
  const x = context.dynamic(node, 0);
  const [filters, perGroup] = weight.shape as [number, number];
  if (!(groups >= 1 && filters % groups === 0 && x.shape[1] === perGroup * groups))
    throw nodeShapeError(
      node,
      `expected a weight with ${x.shape[1]} / group ${groups} input channels and a multiple of ${groups} ` +
        `outputs, got shape [${weight.shape}]`,
    );
  const padding = paddingMode(node, geometry, x.shape.slice(2), ['same', 'full']);
  const bias = context.has(node, 2) ? context.constant(node, 2, 'bias B') : undefined;
  const fused = fuseActivation(context, node.outputs[0] as string, 4, true);
  const options = {
    filters,
    kernelSize: geometry.kernel,
    strides: geometry.strides,
    dilations: geometry.dilations,
    padding,
    useBias: bias !== undefined,
    ...(fused.activation === undefined ? {} : { activation: fused.activation }),
  };
  const conv = groups === 1 ? new Conv2D(options) : new OnnxGroupedConv({ ...options, groups });
  applyImageLayer(context, node, conv, fused.output);
  context.setWeight(node, conv, 'kernel', transposeHost(weight, [2, 3, 1, 0]));
  if (bias !== undefined) context.setWeight(node, conv, 'bias', bias);
}

/** MaxPool, AveragePool and LpPool (p = 2: L2 pooling) as MaxPool2D, AvgPool2D and L2Pool2D. */
export function lowerPool(context: ImportContext, node: OnnxNodeIr): void {
  const common = ['auto_pad', 'kernel_shape', 'pads', 'strides'];
  const own = { MaxPool: ['ceil_mode', 'dilations', 'storage_order'], AveragePool: ['ceil_mode', 'count_include_pad'] };
  if (intsAttribute(node, 'kernel_shape', undefined)?.length === 3) {
    lowerPool3d(context, node);
    return;
  }
  checkAttributes(node, [...common, ...(own[node.opType as keyof typeof own] ?? ['p'])]);
  requireValue(node, 'ceil_mode', intAttribute(node, 'ceil_mode', 0), [0]);
  requireValue(node, 'storage_order', intAttribute(node, 'storage_order', 0), [0]);
  if (node.outputs.length > 1 && node.outputs[1] !== '') throw nodeError(node, 'unsupported Indices output');
  const geometry = spatialGeometry(node, undefined);
  requireValue(node, 'dilations', geometry.dilations, [[1, 1]]);
  const padding = paddingMode(node, geometry, context.dynamic(node, 0).shape.slice(2), ['same']);
  const options = { poolSize: geometry.kernel, strides: geometry.strides, padding: padding as 'valid' | 'same' };
  if (node.opType === 'MaxPool') {
    applyImageLayer(context, node, new MaxPool2D(options));
    return;
  }
  if (node.opType === 'AveragePool') {
    // baihua's 'same' average counts only real positions (TensorFlow's rule), ONNX's count_include_pad 0.
    if (padding === 'same') requireValue(node, 'count_include_pad', intAttribute(node, 'count_include_pad', 0), [0]);
    applyImageLayer(context, node, new AvgPool2D(options));
    return;
  }
  requireValue(node, 'p', intAttribute(node, 'p', 2), [2]);
  applyImageLayer(context, node, new L2Pool2D(options));
}

/** GlobalAveragePool / GlobalMaxPool: [N, C, H, W] -> [N, C, 1, 1] (kept as NHWC [N, 1, 1, C]). */
export function lowerGlobalPool(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, []);
  const layer =
    node.opType === 'GlobalAveragePool'
      ? new GlobalAvgPool2D({ keepDims: true })
      : new GlobalMaxPool2D({ keepDims: true });
  applyImageLayer(context, node, layer);
}

/** Pad with all pads zero (PyTorch writes one before avg_pool2d): the input unchanged. Other pads are refused. */
export function lowerPad(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['mode']);
  const pads = context.constant(node, 1, 'pads');
  if (!Array.from(pads.values).every((p) => Number(p) === 0))
    throw nodeError(
      node,
      `unsupported non-zero pads [${Array.from(pads.values)}] (supported: a Pad of zeros, or pads inside Conv/pooling)`,
    );
  context.values.set(node.outputs[0] as string, context.input(node, 0));
}

/**
 * ReduceMean / ReduceMax (axes as an attribute, opset 13-17) over the spatial axes of an image held
 * as NHWC (physical axes 1 and 2) or the time axis of [batch, time, features] (physical axis 1): the
 * global pooling layers, keepdims as keepDims. Other axes: an OnnxReduce (lower-generic.ts).
 */
export function lowerReduce(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['axes', 'keepdims']);
  const x = context.dynamic(node, 0);
  const rank = x.shape.length;
  const axes = (intsAttribute(node, 'axes', undefined) ?? []).map((a) => (a < 0 ? a + rank : a)).sort();
  const physical = axes.map((a) => x.axes[a] as number).sort();
  const keepDims = intAttribute(node, 'keepdims', 1) === 1;
  const mean = node.opType === 'ReduceMean';
  const physicalRank = x.symbolic.shape.length;
  let layer: Layer;
  if (physicalRank === 4 && physical.join() === '1,2')
    layer = mean ? new GlobalAvgPool2D({ keepDims }) : new GlobalMaxPool2D({ keepDims });
  else if (physicalRank === 3 && physical.join() === '1')
    layer = mean ? new GlobalAvgPool1D({ keepDims }) : new GlobalMaxPool1D({ keepDims });
  else {
    lowerGenericReduce(context, node, x);
    return;
  }
  const y = context.adopt(layer).apply(x.symbolic);
  const kept = x.shape.map((_, i) => i).filter((i) => keepDims || !axes.includes(i));
  const shape = kept.map((i) => (axes.includes(i) ? 1 : (x.shape[i] ?? null)));
  const removed = (p: number): number => (keepDims ? p : p - physical.filter((q) => q < p).length);
  context.setDynamic(
    node.outputs[0] as string,
    y,
    shape,
    kept.map((i) => removed(x.axes[i] as number)),
  );
}
