import type * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '../layers/layer.js';

/** A shape with the batch first; null marks a size known only when data arrives (the batch, a free length). */
export type SymbolicShape = (number | null)[];

/**
 * One step of a graph: a layer applied to symbolic inputs (or, for a graph input, no layer and a
 * name). Shared layers (one layer, two towers) have one node per application.
 */
export interface GraphNode {
  /** The layer applied; undefined for a graph input. */
  readonly layer: Layer | undefined;
  /** The input's name, for a graph input. */
  readonly inputName?: string;
  /** What the layer was applied to (a list when the layer takes a list). */
  readonly inputs: readonly SymbolicTensor[];
  /** Whether the layer was given a list (Concatenate, Attention, a Model with several inputs). */
  readonly takesList: boolean;
  /** The symbolic outputs, one per output of the layer. */
  readonly outputs: SymbolicTensor[];
}

const brand = Symbol.for('baihua.SymbolicTensor');

/**
 * A placeholder for a tensor in a graph being described: its shape (batch null), dtype, whether a
 * mask travels with it, and the node that makes it. It holds no data. `input()` makes the first
 * ones; `layer.apply(symbolic)` makes the rest; `new Model({ inputs, outputs })` turns them into
 * a model.
 *
 * @example
 * const tokens = input({ shape: [null], dtype: 'int32', name: 'tokens' });
 * const embedded = new Embedding({ inputDim: 1000, outputDim: 16, maskZero: true }).apply(tokens);
 * embedded.shape; // [null, null, 16]
 *
 * In plain words: a label on a wire of the circuit diagram, saying what will flow through it.
 */
export class SymbolicTensor {
  readonly [brand] = true;
  /** Batch first; null where the size comes with the data. */
  readonly shape: SymbolicShape;
  readonly dtype: tf.DataType;
  /** The shape of the mask that travels with it ([batch, time]), or undefined when it has none. */
  readonly maskShape: SymbolicShape | undefined;
  /** The node that makes it, and which of the node's outputs it is. */
  readonly node: GraphNode;
  readonly outputIndex: number;

  constructor(
    shape: SymbolicShape,
    dtype: tf.DataType,
    maskShape: SymbolicShape | undefined,
    node: GraphNode,
    outputIndex: number,
  ) {
    this.shape = shape;
    this.dtype = dtype;
    this.maskShape = maskShape;
    this.node = node;
    this.outputIndex = outputIndex;
  }

  get rank(): number {
    return this.shape.length;
  }

  /** `image` for a graph input, `dense_1` for a layer's output, `attention_1:1` for a layer's second output. */
  get name(): string {
    const base = this.node.layer?.name ?? this.node.inputName ?? '?';
    return this.node.outputs.length > 1 ? `${base}:${this.outputIndex}` : base;
  }

  /** True for a SymbolicTensor made by any installed copy of @baihua/core. */
  static isInstance(value: unknown): value is SymbolicTensor {
    return typeof value === 'object' && value !== null && (value as { [brand]?: boolean })[brand] === true;
  }
}

/** True when `x` is a SymbolicTensor or an array that holds one (then `apply` describes a graph). */
export function isSymbolicInput(x: unknown): x is SymbolicTensor | readonly SymbolicTensor[] {
  return SymbolicTensor.isInstance(x) || (Array.isArray(x) && x.some((t) => SymbolicTensor.isInstance(t)));
}

/** `[null,28,28,1]` for messages. */
export function describeSymbolicShape(shape: readonly (number | null)[]): string {
  return `[${shape.map((s) => (s === null ? 'null' : String(s))).join(',')}]`;
}
