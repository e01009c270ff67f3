import type { Dense } from '@baihua/core';
import { writeActivation } from './convert-activation.js';
import { type ConvertContext, type LayerConverter, type ConvertResult, single } from './export-context.js';
import { weightValues } from './weight-values.js';

/** Dense: MatMul with the kernel [in, units] (any rank >= 2), Add of the bias, then the activation. */
export function convertDense(context: ConvertContext): ConvertResult {
  const { builder, inputs, lengths } = context;
  const layer = context.layer as Dense;
  const x = inputs[0]!;
  const base = layer.name;
  const kernel = layer.weight('kernel');
  let y = builder.op(
    'MatMul',
    [x.name, builder.floats(`${base}/kernel`, kernel.shape, weightValues(kernel))],
    `${base}/matmul`,
  );
  if (layer.useBias) {
    const bias = layer.weight('bias');
    y = builder.op('Add', [y, builder.floats(`${base}/bias`, bias.shape, weightValues(bias))], `${base}/bias_add`);
  }
  const config = layer.getConfig();
  y = writeActivation(builder, layer, config.activation as string, y, `${base}/${config.activation}`);
  return single({ name: y, shape: [...x.shape.slice(0, -1), layer.units] }, lengths[0]);
}

/** Registers this file's layer converters (called once by the converter table). */
export function registerDenseConverters(register: (typeName: string, converter: LayerConverter) => void): void {
  register('Dense', convertDense);
}
