import * as tf from '@tensorflow/tfjs-core';
import { type Layer, type SymbolicTensor, describeShape } from '@baihua/core';
import { nodeError, nodeShapeError } from './import-error.js';
import type { DynamicValue, ImportValue } from './import-values.js';
import type { HostTensor, OnnxGraphIr, OnnxNodeIr } from './onnx-ir.js';

/**
 * The state of one import: the value of every graph name met so far, who reads each name, which
 * nodes were folded into an earlier layer, and every layer made (disposed together if the import
 * fails, so nothing half-built survives).
 */
export class ImportContext {
  readonly values = new Map<string, ImportValue>();
  readonly layers: Layer[] = [];
  private readonly readers = new Map<string, OnnxNodeIr[]>();
  private readonly folded = new Set<OnnxNodeIr>();
  private readonly graphOutputs: Set<string>;

  constructor(readonly graph: OnnxGraphIr) {
    this.graphOutputs = new Set(graph.outputs);
    for (const node of graph.nodes)
      for (const name of node.inputs)
        if (name !== '') this.readers.set(name, [...(this.readers.get(name) ?? []), node]);
    for (const [name, tensor] of graph.initializers) this.values.set(name, { kind: 'const', tensor });
  }

  /** The value of input `index` of `node`; an error naming the node when nothing produced it. */
  input(node: OnnxNodeIr, index: number): ImportValue {
    const name = node.inputs[index] ?? '';
    const value = name === '' ? undefined : this.values.get(name);
    if (value === undefined)
      throw nodeError(
        node,
        name === '' ? `expected input ${index}, got none` : `input '${name}' is produced by no node`,
      );
    return value;
  }

  /** Whether optional input `index` is given. */
  has(node: OnnxNodeIr, index: number): boolean {
    return (node.inputs[index] ?? '') !== '';
  }

  /** Input `index` as a host constant (an initialiser or a folded value); `what` names it in errors. */
  constant(node: OnnxNodeIr, index: number, what: string): HostTensor {
    const value = this.input(node, index);
    if (value.kind !== 'const')
      throw nodeError(node, `expected ${what} (input ${index}) to be a constant, got a value known only at run time`);
    return value.tensor;
  }

  /** Input `index` as a run-time tensor. */
  dynamic(node: OnnxNodeIr, index: number): DynamicValue {
    const value = this.input(node, index);
    if (value.kind !== 'dynamic')
      throw nodeError(node, `expected input ${index} to be a run-time tensor, got a ${value.kind} value`);
    return value;
  }

  /** Records a run-time output. */
  setDynamic(name: string, symbolic: SymbolicTensor, shape: (number | null)[], axes: number[]): void {
    this.values.set(name, { kind: 'dynamic', symbolic, shape, axes });
  }

  /** The nodes that read `name`. */
  readersOf(name: string): OnnxNodeIr[] {
    return this.readers.get(name) ?? [];
  }

  /** The one node reading `name`, when it has exactly one reader and is not a graph output (it may be fused). */
  soleReader(name: string): OnnxNodeIr | undefined {
    const readers = this.readersOf(name);
    return readers.length === 1 && !this.graphOutputs.has(name) ? readers[0] : undefined;
  }

  /** Whether `name` is one of the graph's outputs. */
  isGraphOutput(name: string): boolean {
    return this.graphOutputs.has(name);
  }

  /** Whether `name` is read by a node or is a graph output. */
  isUsed(name: string): boolean {
    return name !== '' && (this.readersOf(name).length > 0 || this.graphOutputs.has(name));
  }

  /** Marks `node` as computed inside an earlier layer (its outputs are set by the fusing lowering). */
  fold(node: OnnxNodeIr): void {
    this.folded.add(node);
  }

  isFolded(node: OnnxNodeIr): boolean {
    return this.folded.has(node);
  }

  /** Registers a layer made by the import (disposed if the import fails). */
  adopt<L extends Layer>(layer: L): L {
    this.layers.push(layer);
    return layer;
  }

  /** Copies `values` into `layer`'s weight `name` (its own or a child's), checking the shape first. */
  setWeight(node: OnnxNodeIr, layer: Layer, name: string, values: HostTensor): void {
    const weight = layer.weights().find((w) => w.name === name);
    if (weight === undefined) throw nodeError(node, `layer '${layer.name}' has no weight '${name}'`);
    const want = weight.variable.shape;
    if (want.length !== values.shape.length || want.some((s, i) => s !== values.shape[i]))
      throw nodeShapeError(
        node,
        `expected ${name} of shape ${describeShape(want)}, got ${describeShape(values.shape)}`,
      );
    const tensor = tf.tensor(Float32Array.from(values.values), values.shape, 'float32');
    try {
      weight.assign(tensor);
    } finally {
      tensor.dispose();
    }
  }
}
