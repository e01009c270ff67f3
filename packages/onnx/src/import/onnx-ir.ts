/**
 * The importer's own view of an ONNX graph, read once from the decoded ModelProto (read-onnx-model.ts):
 * plain arrays and numbers instead of protobuf objects, so the lowering never touches Long values,
 * raw bytes or optional protobuf fields.
 */

/** A tensor held on the host (initialisers, Constant nodes, folded shapes). Integers as plain numbers. */
export interface HostTensor {
  /** 'float32' (FLOAT, and DOUBLE/FLOAT16 read as float32) or 'int' (INT64, INT32, ..., BOOL). */
  dtype: 'float32' | 'int';
  shape: number[];
  values: Float32Array | number[];
}

/** One attribute, by its protobuf kind. */
export type OnnxAttribute =
  | { kind: 'int'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'ints'; value: number[] }
  | { kind: 'floats'; value: number[] }
  | { kind: 'strings'; value: string[] }
  | { kind: 'tensor'; value: HostTensor }
  | { kind: 'other'; value: string };

/** One node; `inputs` keeps '' where an optional input is left out. */
export interface OnnxNodeIr {
  name: string;
  /** Position in the graph's node list (named in errors when the node has no name). */
  index?: number;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Map<string, OnnxAttribute>;
}

/** A graph input: element type (ONNX TensorProto.DataType number) and dims (null: symbolic or unknown). */
export interface OnnxValueInfo {
  name: string;
  elemType: number;
  dims: (number | null)[] | undefined;
}

/** The whole model as the lowering reads it. */
export interface OnnxGraphIr {
  /** The default domain's opset version. */
  opset: number;
  producer: string;
  inputs: OnnxValueInfo[];
  outputs: string[];
  initializers: Map<string, HostTensor>;
  nodes: OnnxNodeIr[];
}

/** How errors name a node: `node 'lstm_1' (LSTM)`, or `node #3 (Gemm -> 'y')` when it has no name. */
export function describeNode(node: OnnxNodeIr): string {
  if (node.name !== '') return `node '${node.name}' (${node.opType})`;
  return `node #${node.index ?? '?'} (${node.opType} -> '${node.outputs[0] ?? ''}')`;
}

/** The number of values in a shape (1 for a scalar). */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((n, s) => n * s, 1);
}
