import type { Layer, LayerConfig } from '../layers/layer.js';
import type { GraphNode, SymbolicTensor } from './symbolic-tensor.js';

/** Where a node's input comes from in a saved graph: a graph input by name, or an earlier node's output. */
export type TensorReference = { input: string } | { node: number; output: number };

/** One application of a layer in a saved graph. */
export interface NodeConfig {
  /** The layer's name (one of `layers`). */
  layer: string;
  inputs: TensorReference[];
}

/** The graph part of a Model's config (besides type, name, trainable). */
export interface ModelGraphConfig {
  inputs: { name: string; shape: (number | null)[]; dtype: string }[];
  layers: LayerConfig[];
  nodes: NodeConfig[];
  outputs: TensorReference[];
  outputNames: string[];
}

/**
 * The JSON of a graph: inputs (name, shape without the batch, dtype), each distinct layer's
 * config, the nodes in the order they run (each names its layer and where its inputs come from:
 * references only point back, so a saved graph has no cycle), outputs and their names.
 */
export function modelConfig(
  inputs: readonly SymbolicTensor[],
  nodes: readonly GraphNode[],
  layers: readonly Layer[],
  outputs: readonly SymbolicTensor[],
  outputNames: readonly string[],
): ModelGraphConfig {
  const reference = (t: SymbolicTensor): TensorReference =>
    t.node.layer === undefined ? { input: t.name } : { node: nodes.indexOf(t.node), output: t.outputIndex };
  return {
    inputs: inputs.map((t) => ({ name: t.name, shape: t.shape.slice(1), dtype: t.dtype })),
    layers: layers.map((layer) => layer.getConfig()),
    nodes: nodes.map((node) => ({ layer: (node.layer as Layer).name, inputs: node.inputs.map(reference) })),
    outputs: outputs.map(reference),
    outputNames: [...outputNames],
  };
}
