import { floatTensor, intTensor } from './host-tensors.js';
import type { HostTensor, OnnxAttribute, OnnxGraphIr, OnnxNodeIr, OnnxValueInfo } from './onnx-ir.js';

/**
 * Test helper: ONNX graphs written directly in the importer's IR (what read-onnx-model.ts makes of a
 * file), for operators and attributes no PyTorch export produces (peepholes, input_forget, GRU with
 * linear_before_reset 0, reverse direction, LpPool).
 */
export const attr = {
  int: (value: number): OnnxAttribute => ({ kind: 'int', value }),
  float: (value: number): OnnxAttribute => ({ kind: 'float', value }),
  ints: (value: number[]): OnnxAttribute => ({ kind: 'ints', value }),
  string: (value: string): OnnxAttribute => ({ kind: 'string', value }),
  strings: (value: string[]): OnnxAttribute => ({ kind: 'strings', value }),
};

/** A node: op type, inputs ('' for a left-out optional one), outputs, attributes. */
export function node(
  opType: string,
  inputs: string[],
  outputs: string[],
  attributes: Record<string, OnnxAttribute> = {},
  name = '',
): OnnxNodeIr {
  return { name, opType, domain: '', inputs, outputs, attributes: new Map(Object.entries(attributes)) };
}

/** A graph of opset 17 with these inputs (float unless elemType says otherwise), initialisers and nodes. */
export function graph(options: {
  inputs: (Omit<OnnxValueInfo, 'elemType'> & { elemType?: number })[];
  outputs: string[];
  initializers?: Record<string, HostTensor>;
  nodes: OnnxNodeIr[];
  opset?: number;
}): OnnxGraphIr {
  return {
    opset: options.opset ?? 17,
    producer: 'test',
    inputs: options.inputs.map((i) => ({ elemType: 1, ...i })),
    outputs: options.outputs,
    initializers: new Map(Object.entries(options.initializers ?? {})),
    nodes: options.nodes.map((n, index) => ({ ...n, index })),
  };
}

/** A float tensor of `shape` with seeded values in [-scale, scale) (a small LCG: the same on every run). */
export function seededTensor(shape: number[], seed: number, scale = 0.5): HostTensor {
  let state = seed >>> 0 || 1;
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state / 2 ** 32 - 0.5) * 2 * scale;
  });
  return floatTensor(shape, values);
}

/** An int64 constant vector (axes, shapes). */
export function ints(values: number[]): HostTensor {
  return intTensor([values.length], values);
}
