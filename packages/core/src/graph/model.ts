import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '../errors/argument-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions, type MaskedOutputs } from '../layers/layer.js';
import { registerLayerType } from '../layers/layer-registry.js';
import { graphTopology } from './graph-topology.js';
import { modelFromConfig } from './model-from-config.js';
import { modelConfig } from './model-config.js';
import { type GraphNode, SymbolicTensor } from './symbolic-tensor.js';

/** Options of {@link Model}. */
export interface ModelOptions extends Omit<LayerOptions, 'seed'> {
  /** The graph's inputs, made by `input()`; their names key the data when it is given as a record. */
  inputs: SymbolicTensor | SymbolicTensor[];
  /**
   * The graph's outputs; as a record `{ name: tensor }` they are named by its keys (the keys of a
   * loss record in fit), else after the layers that make them (`dense_2`; a repeat: `dense_2_2`).
   */
  outputs: SymbolicTensor | SymbolicTensor[] | Record<string, SymbolicTensor>;
}

function asList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/** Output names: the record's keys, else the symbolic names, a repeat numbered from 2 (`tower`, `tower_2`). */
function outputNamesOf(outputs: ModelOptions['outputs'], list: SymbolicTensor[]): string[] {
  if (!SymbolicTensor.isInstance(outputs) && !Array.isArray(outputs)) {
    const keys = Object.keys(outputs);
    // Integer-like keys would be reordered by JavaScript (and by a saved record), changing the output order.
    const numeric = keys.find((k) => /^\d+$/.test(k));
    if (numeric !== undefined)
      throw new ArgumentError('Model', `expected output names that are not integers, got '${numeric}' in outputs`);
    return keys;
  }
  const counts = new Map<string, number>();
  return list.map((t) => {
    const n = (counts.get(t.name) ?? 0) + 1;
    counts.set(t.name, n);
    return n === 1 ? t.name : `${t.name}_${n}`;
  });
}

/**
 * A layer held both by the graph and inside a container of it (or by two containers) would come
 * back from a saved config as two layers with two sets of weights: refuse to save that. Containers
 * are told apart by identity, not name: two containers of one name can hold the same layer (one
 * nested in a Model, whose names are checked apart from the outer graph's).
 */
function assertSavableSharing(layers: readonly Layer[]): void {
  // Each layer's container, undefined for the graph itself.
  const owner = new Map<Layer, Layer | undefined>();
  const describe = (container: Layer | undefined) => (container ? `'${container.name}'` : 'the graph');
  const visit = (layer: Layer, container: Layer | undefined): void => {
    const seen = owner.get(layer);
    if (owner.has(layer) && seen !== container) {
      const [first, second] = [describe(seen), describe(container)];
      throw new ArgumentError(
        'Model.getConfig',
        `layer '${layer.name}' is shared by ${first} and ${first === second ? 'another container named ' : ''}` +
          `${second}; a saved graph can share a layer between nodes, not between containers: apply the layer ` +
          'itself in the graph at both places',
      );
    }
    owner.set(layer, container);
    for (const child of layer.children()) visit(child, layer);
  };
  for (const layer of layers) visit(layer, undefined);
}

/**
 * A functional model (Keras' `Model`, tfjs-layers' `tf.model`): the graph from `inputs` to
 * `outputs` that layers applied to symbolic tensors describe. Several inputs and outputs, shared
 * layers (one layer in two towers: one set of weights), masks that flow to the layers that consume
 * them, and models nested as layers. Layers are built while the graph is described, so the model
 * is ready at once: `apply` (one output) or `applyMulti` (all), `fit`, `evaluate`, `predict`,
 * `summary`, `serializeModel` / `saveModel` and `loadModel` (the graph is saved, not code).
 * Data for several inputs: an array in `inputs` order, or a record by input name.
 * Shapes: each input [batch, ...its shape] -> each output [batch, ...].
 *
 * @example
 * const left = input({ shape: [8], name: 'left' });
 * const right = input({ shape: [8], name: 'right' });
 * const tower = new Dense({ units: 4, activation: 'tanh', seed: 1 });      // shared: one set of weights
 * const joined = new Concatenate().apply([tower.apply(left), tower.apply(right)]);
 * const model = new Model({ inputs: [left, right], outputs: new Dense({ units: 1 }).apply(joined) });
 * const y = model.apply([tf.ones([2, 8]), tf.zeros([2, 8])]);               // [2, 1]
 *
 * In plain words: a circuit diagram of layers, wired by hand, that then works like one big layer.
 */
export class Model extends Layer {
  /** The input names, in order. */
  readonly inputNames: string[];
  /** The output names, in order (keys of a loss record). */
  readonly outputNames: string[];
  /** Each distinct layer once, in the order the graph runs them. */
  readonly layers: readonly Layer[];
  override readonly takesInputList: boolean;
  private readonly symbolicInputs: SymbolicTensor[];
  private readonly symbolicOutputs: SymbolicTensor[];
  private readonly nodes: GraphNode[];

  constructor(options: ModelOptions) {
    super(options ?? ({} as ModelOptions), 'Model', ['inputs', 'outputs']);
    if ((options as LayerOptions).seed !== undefined)
      throw new ArgumentError(
        'Model',
        'expected no seed: layers are built when applied to symbolic tensors, before the model exists; ' +
          'give each layer a seed',
      );
    const inputs = asList(options.inputs);
    if (inputs.length === 0 || !inputs.every((t) => SymbolicTensor.isInstance(t) && t.node.layer === undefined))
      throw new ArgumentError(
        'Model',
        `expected inputs to be symbolic tensors made by input(), ` +
          `got ${inputs.length === 0 ? 'none' : 'something else'}`,
      );
    if (new Set(inputs.map((t) => t.name)).size !== inputs.length)
      throw new ArgumentError(
        'Model',
        `expected inputs with distinct names, got ${inputs.map((t) => t.name).join(', ')}`,
      );
    const rawOutputs = options.outputs;
    const outputs =
      SymbolicTensor.isInstance(rawOutputs) || Array.isArray(rawOutputs)
        ? asList(rawOutputs as SymbolicTensor | SymbolicTensor[])
        : rawOutputs !== null && typeof rawOutputs === 'object'
          ? Object.values(rawOutputs)
          : [];
    if (outputs.length === 0 || !outputs.every((t) => SymbolicTensor.isInstance(t)))
      throw new ArgumentError('Model', 'expected outputs to be a symbolic tensor, an array or a record of them');
    const topology = graphTopology('Model', inputs, outputs);
    this.symbolicInputs = inputs;
    this.symbolicOutputs = outputs;
    this.nodes = topology.nodes;
    this.layers = topology.layers;
    this.inputNames = inputs.map((t) => t.name);
    this.outputNames = outputNamesOf(rawOutputs, outputs);
    this.takesInputList = inputs.length > 1;
    if (!this.trainable) for (const layer of this.layers) layer.trainable = false;
    // Every layer is built; this marks the model built, then records the free (null) sizes.
    const concrete = inputs.map((t) => t.shape.map((s) => s ?? 1));
    this.ensureBuilt(this.takesInputList ? concrete : (concrete[0] as number[]));
    this.inputShapes = inputs.map((t) => [...t.shape]);
    this.inputShape = this.inputShapes[0];
    this.outputShapes = outputs.map((t) => [...t.shape]);
    this.outputShape = this.outputShapes[0];
  }

  override children(): Layer[] {
    return [...this.layers];
  }

  protected override call(x: tf.Tensor | tf.Tensor[], context: CallContext): tf.Tensor | tf.Tensor[] {
    const { outputs } = this.callWithMask(x, context);
    return outputs.length === 1 ? (outputs[0] as tf.Tensor) : outputs;
  }

  /** Runs the nodes in order; each layer gets its inputs' tensors and masks. Inside apply's tidy. */
  protected override callWithMask(x: tf.Tensor | tf.Tensor[], context: CallContext): MaskedOutputs {
    const xs = Array.isArray(x) ? x : [x];
    const givenMasks = this.takesInputList ? (context.masks ?? []) : [context.mask];
    const values = new Map<SymbolicTensor, tf.Tensor>();
    const masks = new Map<SymbolicTensor, tf.Tensor | undefined>();
    this.symbolicInputs.forEach((t, i) => {
      values.set(t, xs[i] as tf.Tensor);
      masks.set(t, givenMasks[i]);
    });
    for (const node of this.nodes) {
      const layer = node.layer as Layer;
      const ins = node.inputs.map((t) => values.get(t) as tf.Tensor);
      const inMasks = node.inputs.map((t) => masks.get(t));
      const out = layer.applyWithMask(node.takesList ? ins : (ins[0] as tf.Tensor), {
        training: context.training,
        mask: node.takesList ? inMasks : inMasks[0],
      });
      if (out.outputs.length !== node.outputs.length)
        throw new ArgumentError(
          'Model.apply',
          `layer '${layer.name}' gave ${out.outputs.length} outputs, ${node.outputs.length} when the graph was made`,
        );
      node.outputs.forEach((t, i) => {
        values.set(t, out.outputs[i] as tf.Tensor);
        masks.set(t, out.masks[i]);
      });
    }
    return {
      outputs: this.symbolicOutputs.map((t) => values.get(t) as tf.Tensor),
      masks: this.symbolicOutputs.map((t) => masks.get(t)),
    };
  }

  override getConfig(): LayerConfig {
    assertSavableSharing(this.layers);
    // The seed only fixed an order of defaults at build time; a Model takes none (its layers have theirs).
    const { seed: _seed, ...own } = super.getConfig();
    return {
      ...own,
      ...modelConfig(this.symbolicInputs, this.nodes, this.layers, this.symbolicOutputs, this.outputNames),
    };
  }
}

// Saved graphs are rebuilt by replaying their nodes (model-from-config.ts).
registerLayerType('Model', (config) => modelFromConfig(config));
