import type { BatchNorm, GroupNorm, LayerNorm } from '@baihua/core';
import { type ConvertContext, type LayerConverter, single } from './export-context.js';
import { weightValues } from './weight-values.js';

/** Registers this file's layer converters (called once by the converter table). */
export function registerNormConverters(register: (typeName: string, converter: LayerConverter) => void): void {
  // BatchNorm at inference, over the last (channel) axis of any rank: its moving statistics folded
  // into one scale and one shift per channel (computed in float64): y = x * s + t with
  // s = gamma / sqrt(var + eps), t = beta - mean * s. A Mul and an Add broadcast over the channels.
  register('BatchNorm', ({ builder, layer, inputs }: ConvertContext) => {
    const norm = layer as BatchNorm;
    const x = inputs[0]!;
    const mean = weightValues(norm.weight('movingMean'));
    const variance = weightValues(norm.weight('movingVariance'));
    const gamma = norm.scale ? weightValues(norm.weight('gamma')) : undefined;
    const beta = norm.center ? weightValues(norm.weight('beta')) : undefined;
    const scale = mean.map((_, c) => (gamma?.[c] ?? 1) / Math.sqrt((variance[c] as number) + norm.epsilon));
    const shift = mean.map((m, c) => (beta?.[c] ?? 0) - m * (scale[c] as number));
    const scaled = builder.op(
      'Mul',
      [x.name, builder.floats(`${norm.name}/scale`, [scale.length], scale)],
      `${norm.name}/scaled`,
    );
    const y = builder.op('Add', [scaled, builder.floats(`${norm.name}/shift`, [shift.length], shift)], norm.name);
    return single({ name: y, shape: x.shape });
  });

  // LayerNorm over the last axis: ONNX's LayerNormalization (opset 17), axis -1.
  register('LayerNorm', ({ builder, layer, inputs }: ConvertContext) => {
    const norm = layer as LayerNorm;
    const x = inputs[0]!;
    const gamma = norm.weight('gamma');
    const beta = norm.weight('beta');
    const y = builder.op(
      'LayerNormalization',
      [
        x.name,
        builder.floats(`${norm.name}/gamma`, gamma.shape, weightValues(gamma)),
        builder.floats(`${norm.name}/beta`, beta.shape, weightValues(beta)),
      ],
      norm.name,
      { axis: -1, epsilon: { float: norm.epsilon } },
    );
    return single({ name: y, shape: x.shape });
  });

  // GroupNorm (channels last; opset 17 has no GroupNormalization): x as [batch, -1, groups, C/groups],
  // mean and (biased) variance over axes 1 and 3, normalised, back to x's shape, gamma and beta per channel.
  register('GroupNorm', ({ builder, layer, inputs }: ConvertContext) => {
    const norm = layer as GroupNorm;
    const x = inputs[0]!;
    const base = norm.name;
    const channels = x.shape.at(-1) as number;
    const groupedShape = builder.ints(`${base}/grouped_shape`, [0, -1, norm.groups, channels / norm.groups]);
    const grouped = builder.op('Reshape', [x.name, groupedShape], `${base}/grouped`);
    const mean = builder.op('ReduceMean', [grouped], `${base}/mean`, { axes: [1, 3], keepdims: 1 });
    const centred = builder.op('Sub', [grouped, mean], `${base}/centred`);
    const variance = builder.op(
      'ReduceMean',
      [builder.op('Mul', [centred, centred], `${base}/squared`)],
      `${base}/variance`,
      { axes: [1, 3], keepdims: 1 },
    );
    const std = builder.op(
      'Sqrt',
      [builder.op('Add', [variance, builder.floats(`${base}/epsilon`, [], [norm.epsilon])], `${base}/variance_eps`)],
      `${base}/std`,
    );
    const normalized = builder.op('Div', [centred, std], `${base}/normalized`);
    const back = builder.op(
      'Reshape',
      [normalized, builder.op('Shape', [x.name], `${base}/input_shape`)],
      `${base}/ungrouped`,
    );
    const gamma = norm.weight('gamma');
    const beta = norm.weight('beta');
    const scaled = builder.op(
      'Mul',
      [back, builder.floats(`${base}/gamma`, gamma.shape, weightValues(gamma))],
      `${base}/scaled`,
    );
    const y = builder.op('Add', [scaled, builder.floats(`${base}/beta`, beta.shape, weightValues(beta))], base);
    return single({ name: y, shape: x.shape });
  });
}
