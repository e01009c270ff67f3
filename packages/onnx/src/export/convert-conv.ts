import type { Conv2D, Conv3D, SeparableConv2D } from '@baihua/cnn';
import type * as tf from '@tensorflow/tfjs-core';
import { hostTranspose } from './host-transpose.js';
import { paddingAttributes, spatialSize, toChannelsFirst, toChannelsLast } from './channels-first.js';
import { writeActivation } from './convert-activation.js';
import { type ConvertContext, type ConvertResult, type LayerConverter, refuse, single } from './export-context.js';
import { weightValues } from './weight-values.js';

/** A conv kernel [k..., in, out] (channels last) as ONNX's [out, in, k...]. */
export function channelsFirstKernel(kernel: tf.Tensor): { dims: number[]; values: Float32Array } {
  const rank = kernel.rank;
  const perm = [rank - 1, rank - 2, ...Array.from({ length: rank - 2 }, (_, i) => i)];
  return hostTranspose(weightValues(kernel), kernel.shape, perm);
}

/** A depthwise kernel [kh, kw, C, M] as ONNX's grouped Conv weight [C * M, 1, kh, kw] (output c M + m). */
function depthwiseKernel(kernel: tf.Tensor): { dims: number[]; values: Float32Array } {
  const [kh, kw, c, m] = kernel.shape as [number, number, number, number];
  return { dims: [c * m, 1, kh, kw], values: hostTranspose(weightValues(kernel), kernel.shape, [2, 3, 0, 1]).values };
}

type ConvLayer = Conv2D | Conv3D | SeparableConv2D;

/**
 * Conv2D, Conv3D and SeparableConv2D: Conv in channels-first layout (kernel [out, in, k...],
 * strides, dilations, padding; a separable conv as a grouped depthwise Conv then a 1x1 Conv), the
 * bias, then the activation (softmax over axis 1, the channels), wrapped in the layout Transposes.
 */
function convertConv(context: ConvertContext): ConvertResult {
  const { builder, inputs } = context;
  const layer = context.layer as ConvLayer;
  const x = inputs[0]!;
  const base = layer.name;
  const rank = x.shape.length;
  const sizes = x.shape.slice(1, -1);
  if (layer.padding === 'same' && layer.dilations.some((d) => d > 1) && sizes.some((s) => s === null))
    refuse(
      layer,
      "has padding 'same' with dilations on free spatial sizes (onnxruntime has no SAME_UPPER with dilations)",
    );
  const geometry = {
    kernel_shape: layer.kernelSize,
    strides: layer.strides,
    dilations: layer.dilations,
    ...paddingAttributes(layer.padding, layer.kernelSize, layer.dilations, layer.strides, sizes),
  };
  let y = toChannelsFirst(builder, x.name, rank, base);
  const bias = layer.useBias ? layer.weight('bias') : undefined;
  const biasName = () => (bias ? [builder.floats(`${base}/bias`, bias.shape, weightValues(bias))] : []);
  if (layer.typeName === 'SeparableConv2D') {
    const depthwise = depthwiseKernel(layer.weight('depthwiseKernel').read());
    const channels = x.shape[rank - 1] as number;
    const w = builder.floats(`${base}/depthwise_kernel`, depthwise.dims, depthwise.values);
    y = builder.op('Conv', [y, w], `${base}/depthwise`, { ...geometry, group: channels });
    const pointwise = channelsFirstKernel(layer.weight('pointwiseKernel').read());
    const p = builder.floats(`${base}/pointwise_kernel`, pointwise.dims, pointwise.values);
    y = builder.op('Conv', [y, p, ...biasName()], `${base}/pointwise`, { kernel_shape: [1, 1] });
  } else {
    const kernel = channelsFirstKernel(layer.weight('kernel').read());
    const w = builder.floats(`${base}/kernel`, kernel.dims, kernel.values);
    y = builder.op('Conv', [y, w, ...biasName()], `${base}/conv`, geometry);
  }
  const activation = layer.getConfig().activation as string;
  y = writeActivation(builder, layer, activation, y, `${base}/${activation}`, 1);
  const spatial = sizes.map((n, i) =>
    spatialSize(n, layer.kernelSize[i]!, layer.strides[i]!, layer.dilations[i]!, layer.padding),
  );
  return single({ name: toChannelsLast(builder, y, rank, base), shape: [x.shape[0]!, ...spatial, layer.filters] });
}

/**
 * Conv3DTranspose: ONNX ConvTranspose in NCDHW, kernel [kd, kh, kw, out, in] as [in, out, kd, kh, kw].
 * 'valid': out (n - 1) s + k, no pads; 'same': out n s, the crop of floor(max(k - s, 0) / 2) at the
 * start and the rest at the end as pads (a kernel smaller than its stride is refused: onnxruntime
 * places the extra output differently).
 */
function convertConvTranspose(context: ConvertContext): ConvertResult {
  const { builder, inputs } = context;
  const layer = context.layer as unknown as Conv3D;
  const x = inputs[0]!;
  const base = layer.name;
  const source = layer.weight('kernel').read();
  const kernel = hostTranspose(weightValues(source), source.shape, [4, 3, 0, 1, 2]);
  const same = layer.padding === 'same';
  if (same && layer.kernelSize.some((k, i) => k < layer.strides[i]!))
    refuse(
      context.layer,
      "has padding 'same' with a kernel smaller than its stride (onnxruntime's output padding differs)",
    );
  const crops = layer.kernelSize.map((k, i) => (same ? Math.max(k - layer.strides[i]!, 0) : 0));
  const begins = crops.map((c) => Math.floor(c / 2));
  const attributes = {
    kernel_shape: layer.kernelSize,
    strides: layer.strides,
    pads: [...begins, ...crops.map((c, i) => c - begins[i]!)],
  };
  const convInputs = [
    toChannelsFirst(builder, x.name, 5, base),
    builder.floats(`${base}/kernel`, kernel.dims, kernel.values),
  ];
  if (layer.useBias) {
    const bias = layer.weight('bias');
    convInputs.push(builder.floats(`${base}/bias`, bias.shape, weightValues(bias)));
  }
  const activation = layer.getConfig().activation as string;
  const y = writeActivation(
    builder,
    context.layer,
    activation,
    builder.op('ConvTranspose', convInputs, `${base}/conv_transpose`, attributes),
    `${base}/${activation}`,
    1,
  );
  const spatial = x.shape
    .slice(1, -1)
    .map((n, i) =>
      n === null ? null : same ? n * layer.strides[i]! : (n - 1) * layer.strides[i]! + layer.kernelSize[i]!,
    );
  return single({ name: toChannelsLast(builder, y, 5, base), shape: [x.shape[0]!, ...spatial, layer.filters] });
}

/** Registers this file's layer converters (called once by the converter table). */
export function registerConvConverters(register: (typeName: string, converter: LayerConverter) => void): void {
  for (const typeName of ['Conv2D', 'Conv3D', 'SeparableConv2D']) register(typeName, convertConv);
  register('Conv3DTranspose', convertConvTranspose);
}
