import { ArgumentError, type Layer, type Model, type Sequential } from '@baihua/core';
import { type ConvertResult, type LayerConverter, refuse } from './export-context.js';
import { converterFor } from './converter-table.js';
import type { OnnxGraphBuilder, OnnxValue } from './onnx-graph-builder.js';

type Reference = { input: string } | { node: number; output: number };
interface GraphConfig {
  inputs: { name: string }[];
  nodes: { layer: string; inputs: Reference[] }[];
  outputs: Reference[];
}

/** Converts one layer (any registered kind, containers included) on values already in the graph. */
export function convertLayer(
  builder: OnnxGraphBuilder,
  layer: Layer,
  inputs: OnnxValue[],
  lengths: (string | undefined)[],
): ConvertResult {
  if (!layer.isBuilt)
    throw new ArgumentError('exportOnnx', `expected a built model, got layer '${layer.name}' not built`);
  const convertChild = (child: Layer, childInputs: OnnxValue[], childLengths: (string | undefined)[]) =>
    convertLayer(builder, child, childInputs, childLengths);
  const result = converterFor(layer)({ builder, layer, inputs, lengths, convertChild });
  if (lengths.some((l) => l !== undefined) && !maskAware.has(layer.typeName)) {
    if (!passesMasks.has(layer.typeName))
      refuse(layer, 'is given a mask, which its ONNX form does not carry (here only recurrent layers read masks)');
    result.lengths = result.outputs.map(() => lengths[0]);
  }
  return result;
}

/** Layers whose converters handle the lengths of masked inputs themselves. */
const maskAware = new Set([
  'LSTM',
  'GRU',
  'SimpleRNN',
  'PeepholeLSTM',
  'CoupledLSTM',
  'Bidirectional',
  'Sequential',
  'Model',
  'Residual',
  'TimeDistributed',
]);
/** Per-step layers that pass a mask on unchanged in baihua (supportsMasking): the lengths travel on. */
const passesMasks = new Set(['Dense', 'Dropout', 'BatchNorm', 'LayerNorm']);

/** A Sequential: each layer on the previous one's output (and its lengths). */
export function convertSequential(
  builder: OnnxGraphBuilder,
  model: Sequential,
  x: OnnxValue,
  lengths?: string,
): ConvertResult {
  let result: ConvertResult = { outputs: [x], lengths: [lengths] };
  for (const layer of model.layers) {
    result = convertLayer(builder, layer, [result.outputs[0]!], [result.lengths[0]]);
    if (result.outputs.length !== 1)
      throw new ArgumentError(
        'exportOnnx',
        `expected one output per layer of a Sequential, got ${result.outputs.length} from '${layer.name}'`,
      );
  }
  return result;
}

/** A graph Model: its nodes in the order they run, from its saved config (layers by name). */
export function convertModel(
  builder: OnnxGraphBuilder,
  model: Model,
  inputs: OnnxValue[],
  lengths: (string | undefined)[],
): ConvertResult {
  const config = model.getConfig() as unknown as GraphConfig;
  const byName = new Map(model.layers.map((layer) => [layer.name, layer]));
  const inputIndex = new Map(config.inputs.map((input, i) => [input.name, i]));
  const results: ConvertResult[] = [];
  const resolve = (ref: Reference): [OnnxValue, string | undefined] => {
    if ('input' in ref) {
      const i = inputIndex.get(ref.input) as number;
      return [inputs[i]!, lengths[i]];
    }
    const result = results[ref.node] as ConvertResult;
    return [result.outputs[ref.output]!, result.lengths[ref.output]];
  };
  for (const node of config.nodes) {
    const layer = byName.get(node.layer) as Layer;
    const resolved = node.inputs.map(resolve);
    results.push(
      convertLayer(
        builder,
        layer,
        resolved.map(([v]) => v),
        resolved.map(([, l]) => l),
      ),
    );
  }
  const outputs = config.outputs.map(resolve);
  return { outputs: outputs.map(([v]) => v), lengths: outputs.map(([, l]) => l) };
}

/** Registers this file's layer converters (called once by the converter table). */
export function registerGraphConverters(register: (typeName: string, converter: LayerConverter) => void): void {
  register('Sequential', ({ builder, layer, inputs, lengths }) =>
    convertSequential(builder, layer as Sequential, inputs[0]!, lengths[0]),
  );
  register('Model', ({ builder, layer, inputs, lengths }) => convertModel(builder, layer as Model, inputs, lengths));
}
