import type { Conv2D } from '@baihua/cnn';
import * as tf from '@tensorflow/tfjs-core';
import { paddingAttributes, spatialSize, toChannelsFirst, toChannelsLast } from './channels-first.js';
import { writeActivation } from './convert-activation.js';
import { type ConvertContext, type LayerConverter, type ConvertResult, refuse, single } from './export-context.js';
import { weightValues } from './weight-values.js';

/** A conv kernel [k..., in, out] (channels last) as ONNX's [out, in, k...]. */
export function channelsFirstKernel(kernel: tf.Tensor): { dims: number[]; values: Float32Array } {
  const rank = kernel.rank;
  const perm = [rank - 1, rank - 2, ...Array.from({ length: rank - 2 }, (_, i) => i)];
  const moved = tf.transpose(kernel, perm);
  const result = { dims: moved.shape, values: weightValues(moved) };
  moved.dispose();
  return result;
}

/** Conv2D: Conv (NCHW, kernel [out, in, kh, kw], strides, dilations, padding), bias, activation. */
export function convertConv2D(context: ConvertContext): ConvertResult {
  const { builder, inputs } = context;
  const layer = context.layer as Conv2D;
  const x = inputs[0]!;
  const base = layer.name;
  const kernel = channelsFirstKernel(layer.weight('kernel').read());
  const convInputs = [
    toChannelsFirst(builder, x.name, 4, base),
    builder.floats(`${base}/kernel`, kernel.dims, kernel.values),
  ];
  if (layer.useBias) {
    const bias = layer.weight('bias');
    convInputs.push(builder.floats(`${base}/bias`, bias.shape, weightValues(bias)));
  }
  if (layer.padding === 'same' && layer.dilations.some((d) => d > 1) && (x.shape[1] === null || x.shape[2] === null))
    refuse(
      layer,
      "has padding 'same' with dilations on free spatial sizes (onnxruntime has no SAME_UPPER with dilations)",
    );
  const y = builder.op('Conv', convInputs, `${base}/conv`, {
    kernel_shape: layer.kernelSize,
    strides: layer.strides,
    dilations: layer.dilations,
    ...paddingAttributes(layer.padding, layer.kernelSize, layer.dilations, layer.strides, [x.shape[1]!, x.shape[2]!]),
  });
  const activation = layer.getConfig().activation as string;
  const activated = writeActivation(builder, layer, activation, y, `${base}/${activation}`, 1);
  const shape = [
    x.shape[0]!,
    ...[1, 2].map((a, i) =>
      spatialSize(x.shape[a]!, layer.kernelSize[i]!, layer.strides[i]!, layer.dilations[i]!, layer.padding),
    ),
    layer.filters,
  ];
  return single({ name: toChannelsLast(builder, activated, 4, base), shape });
}

/** Registers this file's layer converters (called once by the converter table). */
export function registerConvConverters(register: (typeName: string, converter: LayerConverter) => void): void {
  register('Conv2D', convertConv2D);
}
