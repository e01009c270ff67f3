import { ArgumentError, type Layer } from '@baihua/core';
import { registerAttentionConverters } from './convert-attention.js';
import { registerCompositeConverters } from './convert-composite.js';
import { registerConvConverters } from './convert-conv.js';
import { registerDenseConverters } from './convert-dense.js';
import { registerGraphConverters } from './convert-graph.js';
import { registerMaskConverters } from './convert-masks.js';
import { registerMergeConverters } from './convert-merge.js';
import { registerNormConverters } from './convert-norm.js';
import { registerPoolConverters } from './convert-pool.js';
import { registerRecurrentConverters } from './convert-recurrent.js';
import { registerShapeConverters } from './convert-shape-layers.js';
import type { LayerConverter } from './export-context.js';

let table: Map<string, LayerConverter> | undefined;

/**
 * Every layer converter by layer type name, built on first use from each file's register function
 * (no import-time side effects: the package is `sideEffects: false`, so bundlers keep only what is
 * called).
 */
function converters(): Map<string, LayerConverter> {
  if (table === undefined) {
    const built = new Map<string, LayerConverter>();
    const register = (typeName: string, converter: LayerConverter) => built.set(typeName, converter);
    for (const add of [
      registerDenseConverters,
      registerShapeConverters,
      registerConvConverters,
      registerPoolConverters,
      registerRecurrentConverters,
      registerNormConverters,
      registerMergeConverters,
      registerGraphConverters,
      registerCompositeConverters,
      registerMaskConverters,
      registerAttentionConverters,
    ])
      add(register);
    table = built;
  }
  return table;
}

/** The converter of a layer, or an ArgumentError naming the layer and its type. */
export function converterFor(layer: Layer): LayerConverter {
  const converter = converters().get(layer.typeName);
  if (converter === undefined)
    throw new ArgumentError(
      'exportOnnx',
      `expected layers with an ONNX form, got layer '${layer.name}' of type ${layer.typeName}, which has none ` +
        `(supported: ${[...converters().keys()].sort().join(', ')})`,
    );
  return converter;
}

/** The layer type names exportOnnx writes, sorted. */
export function exportableLayerTypes(): string[] {
  return [...converters().keys()].sort();
}
