import type { onnx as OnnxNamespace } from 'onnx-proto';
import { float32TensorProto, int64TensorProto } from '../proto/tensor-proto.js';

/** An attribute value: a number (int when integral and `ints` not forced), a string, or arrays of them. */
export type AttributeValue = number | string | number[] | string[] | { floats: number[] } | { float: number };

/** A tensor value flowing through the graph being written: its ONNX name and its shape (null: dynamic). */
export interface OnnxValue {
  name: string;
  shape: (number | null)[];
}

/**
 * Collects the nodes and initializers of the ONNX graph that `exportOnnx` writes, and hands out
 * unique value names (`<layer>/<what>`, numbered on a repeat).
 */
export class OnnxGraphBuilder {
  readonly nodes: OnnxNamespace.INodeProto[] = [];
  readonly initializers: OnnxNamespace.ITensorProto[] = [];
  private readonly used = new Set<string>();
  /** How masks are exported (exportOnnx's `masks` option). */
  masks: 'refuse' | 'right-padded' = 'refuse';

  /** A name not used yet: `base`, else `base_2`, `base_3`, ... */
  uniqueName(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}_${n}`;
    this.used.add(name);
    return name;
  }

  /** Reserves a name exactly as given (graph inputs and outputs). */
  reserve(name: string): void {
    this.used.add(name);
  }

  /** A float32 initializer; returns its name. */
  floats(base: string, dims: readonly number[], values: ArrayLike<number>): string {
    const name = this.uniqueName(base);
    this.initializers.push(float32TensorProto(name, dims, values));
    return name;
  }

  /** An int64 initializer (shapes, axes, lengths); returns its name. */
  ints(base: string, values: readonly number[]): string {
    const name = this.uniqueName(base);
    this.initializers.push(int64TensorProto(name, [values.length], values));
    return name;
  }

  /**
   * Adds a node; returns its output names (`outputs` new names made from `base`, or given names).
   * Attributes: integral numbers are INT, `{ float }` FLOAT, strings STRING, number arrays INTS,
   * `{ floats }` FLOATS, string arrays STRINGS.
   */
  node(
    opType: string,
    inputs: readonly string[],
    base: string,
    attributes: Record<string, AttributeValue> = {},
    outputs: number | readonly string[] = 1,
  ): string[] {
    const names =
      typeof outputs === 'number'
        ? Array.from({ length: outputs }, (_, i) => this.uniqueName(outputs === 1 ? base : `${base}_${i}`))
        : [...outputs];
    this.nodes.push({
      name: this.uniqueName(`${base}/${opType}`),
      opType,
      input: [...inputs],
      output: names,
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    });
    return names;
  }

  /** Adds a one-output node and returns its output name. */
  op(opType: string, inputs: readonly string[], base: string, attributes: Record<string, AttributeValue> = {}): string {
    return this.node(opType, inputs, base, attributes)[0] as string;
  }
}

function attribute(name: string, value: AttributeValue): OnnxNamespace.IAttributeProto {
  // AttributeType: FLOAT 1, INT 2, STRING 3, FLOATS 6, INTS 7, STRINGS 8.
  if (typeof value === 'number') return { name, type: 2, i: value };
  if (typeof value === 'string') return { name, type: 3, s: new TextEncoder().encode(value) };
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string'))
      return { name, type: 8, strings: (value as string[]).map((v) => new TextEncoder().encode(v)) };
    return { name, type: 7, ints: value as number[] };
  }
  if ('floats' in value) return { name, type: 6, floats: value.floats };
  return { name, type: 1, f: value.float };
}
