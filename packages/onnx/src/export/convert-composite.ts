import type { RepeatVector, TimeDistributed } from '@baihua/core';
import { writeActivation } from './convert-activation.js';
import { type ConvertContext, type ConvertResult, type LayerConverter, refuse, single } from './export-context.js';

/** ConvBlock: its Conv2D (no bias), its BatchNorm, then its activation (channels last, as the block). */
function convertConvBlock({ layer, inputs, lengths, builder, convertChild }: ConvertContext): ConvertResult {
  const [conv, norm] = layer.children();
  const convolved = convertChild(conv!, inputs, lengths).outputs[0]!;
  const normalized = convertChild(norm!, [convolved], lengths).outputs[0]!;
  const activation = layer.getConfig().activation as string;
  const y = writeActivation(builder, layer, activation, normalized.name, `${layer.name}/${activation}`);
  return single({ name: y, shape: normalized.shape });
}

/** ResidualBlock: activation(second(first(x)) + (projection(x) or x)). */
function convertResidualBlock({ layer, inputs, lengths, builder, convertChild }: ConvertContext): ConvertResult {
  const [first, second, shortcut] = layer.children();
  const branch = convertChild(second!, convertChild(first!, inputs, lengths).outputs, lengths).outputs[0]!;
  const skip = shortcut ? convertChild(shortcut, inputs, lengths).outputs[0]! : inputs[0]!;
  const sum = builder.op('Add', [branch.name, skip.name], `${layer.name}/add`);
  const activation = layer.getConfig().activation as string;
  return single({
    name: writeActivation(builder, layer, activation, sum, `${layer.name}/${activation}`),
    shape: branch.shape,
  });
}

/** RepeatVector: [batch, F] -> [batch, n, F] as Unsqueeze(axis 1) and Tile(1, n, 1). */
function convertRepeatVector({ layer, inputs, builder }: ConvertContext): ConvertResult {
  const x = inputs[0]!;
  const n = (layer as RepeatVector).n;
  const expanded = builder.op(
    'Unsqueeze',
    [x.name, builder.ints(`${layer.name}/axis`, [1])],
    `${layer.name}/unsqueeze`,
  );
  const y = builder.op('Tile', [expanded, builder.ints(`${layer.name}/repeats`, [1, n, 1])], layer.name);
  return single({ name: y, shape: [x.shape[0]!, n, x.shape[1]!] });
}

/**
 * TimeDistributed: the inner layer on [batch * time, ...] (a Reshape folds the two axes), then a
 * Reshape back to [batch, time, ...] from the input's own batch and time (Shape, Slice, Concat).
 */
function convertTimeDistributed({ layer, inputs, lengths, builder, convertChild }: ConvertContext): ConvertResult {
  const x = inputs[0]!;
  const base = layer.name;
  const rest = x.shape.slice(2);
  if (lengths[0] !== undefined) refuse(layer, 'is given a mask, which this export does not carry');
  if (rest.some((s) => s === null)) refuse(layer, 'has an input with free sizes after the time axis');
  const folded = builder.op(
    'Reshape',
    [x.name, builder.ints(`${base}/fold_shape`, [-1, ...(rest as number[])])],
    `${base}/fold`,
  );
  const inner = convertChild((layer as TimeDistributed).layer, [{ name: folded, shape: [null, ...rest] }], [undefined]);
  const out = inner.outputs[0]!;
  const outRest = out.shape.slice(1);
  if (outRest.some((s) => s === null)) refuse(layer, 'has an inner layer whose output has free sizes');
  const leading = builder.op(
    'Slice',
    [
      builder.op('Shape', [x.name], `${base}/input_shape`),
      builder.ints(`${base}/start`, [0]),
      builder.ints(`${base}/end`, [2]),
    ],
    `${base}/batch_time`,
  );
  const shape = builder.op(
    'Concat',
    [leading, builder.ints(`${base}/step_shape`, outRest as number[])],
    `${base}/unfold_shape`,
    { axis: 0 },
  );
  return single({
    name: builder.op('Reshape', [out.name, shape], base),
    shape: [x.shape[0]!, x.shape[1]!, ...outRest],
  });
}

/**
 * UpSampling3D: each voxel repeated size times along depth, height and width, as ONNX Resize on the
 * channels-last input (scales [1, sd, sh, sw, 1], nearest, asymmetric, floor: out[i] = in[floor(i / s)]).
 */
function convertUpSampling3D({ layer, inputs, builder }: ConvertContext): ConvertResult {
  const x = inputs[0]!;
  const size = (layer as unknown as { size: [number, number, number] }).size;
  const scales = builder.floats(`${layer.name}/scales`, [5], [1, ...size, 1]);
  const y = builder.op('Resize', [x.name, '', scales], layer.name, {
    mode: 'nearest',
    coordinate_transformation_mode: 'asymmetric',
    nearest_mode: 'floor',
  });
  const shape = x.shape.map((s, a) => (a >= 1 && a <= 3 && s !== null ? s * size[a - 1]! : s));
  return single({ name: y, shape });
}

/** Registers this file's layer converters (called once by the converter table). */
export function registerCompositeConverters(register: (typeName: string, converter: LayerConverter) => void): void {
  register('ConvBlock', convertConvBlock);
  register('ResidualBlock', convertResidualBlock);
  register('RepeatVector', convertRepeatVector);
  register('TimeDistributed', convertTimeDistributed);
  register('UpSampling3D', convertUpSampling3D);
}
