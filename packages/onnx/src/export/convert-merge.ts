import type { Concatenate, Residual } from '@baihua/core';
import { type ConvertContext, type LayerConverter, single } from './export-context.js';

/** Registers this file's layer converters (called once by the converter table). */
export function registerMergeConverters(register: (typeName: string, converter: LayerConverter) => void): void {
  // Add: one Sum of every input (same shapes, as the layer requires).
  register('Add', ({ builder, layer, inputs }: ConvertContext) =>
    single({
      name: builder.op(
        'Sum',
        inputs.map((x) => x.name),
        layer.name,
      ),
      shape: inputs[0]!.shape,
    }),
  );

  // Multiply: a chain of Mul, left to right as the layer multiplies.
  register('Multiply', ({ builder, layer, inputs }: ConvertContext) => {
    let y = inputs[0]!.name;
    for (const [i, x] of inputs.slice(1).entries())
      y = builder.op('Mul', [y, x.name], i === inputs.length - 2 ? layer.name : `${layer.name}/product`);
    return single({ name: y, shape: inputs[0]!.shape });
  });

  // Concatenate along its (non-batch) axis.
  register('Concatenate', ({ builder, layer, inputs }: ConvertContext) => {
    const rank = inputs[0]!.shape.length;
    const axis = (layer as Concatenate).axis < 0 ? (layer as Concatenate).axis + rank : (layer as Concatenate).axis;
    const sizes = inputs.map((x) => x.shape[axis]!);
    const joined = sizes.some((s) => s === null) ? null : sizes.reduce<number>((a, b) => a + (b as number), 0);
    const shape = inputs[0]!.shape.map((s, a) => (a === axis ? joined : s));
    return single({
      name: builder.op(
        'Concat',
        inputs.map((x) => x.name),
        layer.name,
        { axis },
      ),
      shape,
    });
  });

  // Residual: body(x) + x, the body written as its own layers.
  register('Residual', ({ layer, inputs, lengths, builder, convertChild }: ConvertContext) => {
    const body = convertChild((layer as Residual).body, inputs, lengths).outputs[0]!;
    return single(
      { name: builder.op('Add', [body.name, inputs[0]!.name], layer.name), shape: inputs[0]!.shape },
      lengths[0],
    );
  });
}
