import type { Reshape } from '@baihua/core';
import { type ConvertContext, type LayerConverter, single } from './export-context.js';

/** Registers this file's layer converters (called once by the converter table). */
export function registerShapeConverters(register: (typeName: string, converter: LayerConverter) => void): void {
  // Dropout is the identity at inference: no node; the value passes on under its name.
  register('Dropout', ({ inputs, lengths }) => single(inputs[0]!, lengths[0]));

  // Flatten: [batch, ...] -> [batch, product], row-major over the channels-last layout, as tfjs does.
  register('Flatten', ({ builder, layer, inputs }: ConvertContext) => {
    const x = inputs[0]!;
    const rest = x.shape.slice(1);
    const size = rest.every((s) => s !== null) ? rest.reduce<number>((a, b) => a * (b as number), 1) : null;
    return single({ name: builder.op('Flatten', [x.name], layer.name, { axis: 1 }), shape: [x.shape[0]!, size] });
  });

  // Reshape: the batch dim is copied (0 in ONNX's shape), the rest as targetShape (-1 kept).
  register('Reshape', ({ builder, layer, inputs }: ConvertContext) => {
    const x = inputs[0]!;
    const target = (layer as Reshape).targetShape;
    const shape = builder.ints(`${layer.name}/shape`, [0, ...target]);
    const known = x.shape.slice(1).every((s) => s !== null);
    const perExample = known ? x.shape.slice(1).reduce<number>((a, b) => a * (b as number), 1) : null;
    const fixed = target.reduce((a, b) => (b === -1 ? a : a * b), 1);
    const out = target.map((s) => (s !== -1 ? s : perExample === null ? null : perExample / fixed));
    return single({ name: builder.op('Reshape', [x.name, shape], layer.name), shape: [x.shape[0]!, ...out] });
  });
}
