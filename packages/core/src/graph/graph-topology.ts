import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import type { GraphNode, SymbolicTensor } from './symbolic-tensor.js';

/** What a Model runs: its layer nodes in an order where every node comes after those it reads. */
export interface GraphTopology {
  nodes: GraphNode[];
  /** Each distinct layer once, in the order of its first node. */
  layers: Layer[];
}

/**
 * Walks back from the outputs to the inputs and orders the nodes so each runs after its inputs
 * (depth-first, outputs in order: deterministic). Refuses a graph whose outputs need an input that
 * is not among `inputs` ("graph disconnected"), an input no output needs, and two different
 * layers with one name (weights are saved by layer name).
 */
export function graphTopology(
  fn: string,
  inputs: readonly SymbolicTensor[],
  outputs: readonly SymbolicTensor[],
): GraphTopology {
  const inputNodes = new Set(inputs.map((t) => t.node));
  const ordered: GraphNode[] = [];
  const done = new Set<GraphNode>();
  const usedInputs = new Set<GraphNode>();
  const visit = (tensor: SymbolicTensor, path: string): void => {
    const node = tensor.node;
    if (node.layer === undefined) {
      if (!inputNodes.has(node))
        throw new ArgumentError(
          fn,
          `graph disconnected: ${path} needs input '${node.inputName}', which is not in inputs ` +
            `(${inputs.map((t) => `'${t.name}'`).join(', ')})`,
        );
      usedInputs.add(node);
      return;
    }
    if (done.has(node)) return;
    for (const t of node.inputs) visit(t, path);
    done.add(node);
    ordered.push(node);
  };
  outputs.forEach((t, i) => visit(t, `output ${i} ('${t.name}')`));
  for (const t of inputs)
    if (!usedInputs.has(t.node))
      throw new ArgumentError(fn, `input '${t.name}' is not used by any output: remove it or connect it`);
  const layers: Layer[] = [];
  for (const node of ordered) if (node.layer && !layers.includes(node.layer)) layers.push(node.layer);
  const names = new Map<string, Layer>();
  for (const layer of layers) {
    const other = names.get(layer.name);
    if (other && other !== layer)
      throw new ArgumentError(
        fn,
        `two layers are named '${layer.name}' (${other.typeName} and ${layer.typeName}); layer names in a model ` +
          `must be unique (weights are saved by name)`,
      );
    names.set(layer.name, layer);
  }
  return { nodes: ordered, layers };
}
