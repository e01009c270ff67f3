import { ArgumentError } from '../errors/argument-error.js';
import type { Layer, LayerConfig } from '../layers/layer.js';
import { layerFromConfig } from '../layers/layer-registry.js';
import { input } from './input.js';
import { Model } from './model.js';
import type { NodeConfig, TensorReference } from './model-config.js';
import type { SymbolicTensor } from './symbolic-tensor.js';

/** Most inputs, layers or nodes a saved graph may have (a guard against hostile files). */
const maxEntries = 100_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function malformed(what: string): ArgumentError {
  return new ArgumentError('Model', `malformed config: ${what}`);
}

function listOf(config: Record<string, unknown>, key: string, allowEmpty: boolean): unknown[] {
  const value = config[key];
  if (!Array.isArray(value) || (!allowEmpty && value.length === 0) || value.length > maxEntries)
    throw malformed(
      `expected ${key} to be ${allowEmpty ? 'an' : 'a non-empty'} array, got ${JSON.stringify(value)?.slice(0, 80)}`,
    );
  return value;
}

/** Resolves a reference against the inputs and the nodes made so far (so references only point back). */
function resolve(
  ref: unknown,
  where: string,
  inputs: Map<string, SymbolicTensor>,
  made: SymbolicTensor[][],
): SymbolicTensor {
  if (isRecord(ref) && typeof ref.input === 'string' && Object.keys(ref).length === 1) {
    const found = inputs.get(ref.input);
    if (!found) throw malformed(`${where} reads input '${ref.input}', which is not among the inputs`);
    return found;
  }
  if (isRecord(ref) && Number.isInteger(ref.node) && Number.isInteger(ref.output) && Object.keys(ref).length === 2) {
    const outputs = made[ref.node as number];
    const found = outputs?.[ref.output as number];
    if (!found)
      throw malformed(
        `${where} reads node ${ref.node} output ${ref.output}, which is not an earlier node's output ` +
          `(references point back only: no cycles)`,
      );
    return found;
  }
  throw malformed(`${where} is not { input: name } or { node: index, output: index }: ${JSON.stringify(ref)}`);
}

/**
 * Rebuilds a Model from its config: checks inputs, layers, nodes and outputs (unique names, known
 * layer types, references to inputs or earlier nodes only, no unused input or layer), builds the
 * layers, replays the nodes on symbolic inputs, and disposes every layer it made if anything fails.
 */
export function modelFromConfig(config: Record<string, unknown>): Model {
  const { inputs: _i, layers: _l, nodes: _n, outputs: _o, outputNames: _on, ...options } = config;
  const inputConfigs = listOf(config, 'inputs', false);
  const layerConfigs = listOf(config, 'layers', true);
  const nodeConfigs = listOf(config, 'nodes', true);
  const outputRefs = listOf(config, 'outputs', false);
  const outputNames = listOf(config, 'outputNames', false);
  if (outputNames.length !== outputRefs.length || !outputNames.every((n) => typeof n === 'string'))
    throw malformed(`expected outputNames to be ${outputRefs.length} strings`);
  const inputs = new Map<string, SymbolicTensor>();
  for (const [i, entry] of inputConfigs.entries()) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || inputs.has(entry.name))
      throw malformed(`inputs[${i}] needs a name of its own, got ${JSON.stringify(entry)?.slice(0, 80)}`);
    const { name, shape, dtype } = entry;
    inputs.set(name, input({ name, shape: shape as (number | null)[], dtype: dtype as 'float32' }));
  }
  const layers = new Map<string, Layer>();
  try {
    for (const [i, entry] of layerConfigs.entries()) {
      const layer = layerFromConfig(entry as LayerConfig);
      const saved = (entry as LayerConfig).name;
      if (layer.name !== saved) {
        layer.dispose();
        throw malformed(
          `layers[${i}] was saved as '${saved}' but rebuilt as '${layer.name}' (its factory drops the name)`,
        );
      }
      if (layers.has(layer.name)) {
        layer.dispose();
        throw malformed(`layers[${i}] is named '${layer.name}' like an earlier layer`);
      }
      layers.set(layer.name, layer);
    }
    const made: SymbolicTensor[][] = [];
    const used = new Set<Layer>();
    for (const [i, entry] of nodeConfigs.entries()) {
      const node = entry as NodeConfig;
      const layer = isRecord(entry) && typeof node.layer === 'string' ? layers.get(node.layer) : undefined;
      if (!layer || !Array.isArray(node.inputs) || node.inputs.length === 0)
        throw malformed(
          `nodes[${i}] must name one of the layers and list its inputs, got ${JSON.stringify(entry)?.slice(0, 80)}`,
        );
      used.add(layer);
      const ins = node.inputs.map((ref, k) => resolve(ref, `nodes[${i}].inputs[${k}]`, inputs, made));
      made.push(layer.takesInputList ? layer.applyMulti(ins) : layer.applyMulti(ins[0] as SymbolicTensor));
    }
    for (const layer of layers.values()) if (!used.has(layer)) throw malformed(`layer '${layer.name}' is in no node`);
    const outputs = outputRefs.map((ref, k) => resolve(ref as TensorReference, `outputs[${k}]`, inputs, made));
    const named = Object.fromEntries(outputNames.map((n, k) => [n as string, outputs[k] as SymbolicTensor]));
    return new Model({ ...options, inputs: [...inputs.values()], outputs: named });
  } catch (error) {
    for (const layer of layers.values()) layer.dispose();
    throw error;
  }
}
