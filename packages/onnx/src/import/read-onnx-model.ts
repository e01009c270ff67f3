import { type ModelProto, decodeModelProto } from '../proto/index.js';
import { importError } from './import-error.js';
import type { HostTensor, OnnxGraphIr, OnnxNodeIr, OnnxValueInfo } from './onnx-ir.js';
import { readAttribute, readTensor, toNumber } from './read-proto-values.js';

/**
 * Decodes the bytes of an ONNX ModelProto (with @baihua/onnx's decodeModelProto) into the importer's
 * IR. Bytes protobuf cannot read (truncated, or not protobuf at all), and protobuf that is not an
 * ONNX model (no graph, no nodes, no opset), fail here with an ArgumentError, before anything is built.
 */
export function readOnnxModel(bytes: Uint8Array): OnnxGraphIr {
  let model: ModelProto;
  try {
    model = decodeModelProto(bytes);
  } catch (error) {
    throw importError(
      `expected the bytes of an ONNX model, got bytes protobuf cannot read (${(error as Error).message})`,
    );
  }
  const graph = model.graph;
  const opsets = model.opsetImport ?? [];
  const missing = !graph
    ? 'a graph'
    : (graph.node ?? []).length === 0
      ? 'nodes'
      : opsets.length === 0
        ? 'an opset'
        : '';
  if (!graph || missing !== '')
    throw importError(
      `expected an ONNX model (a ModelProto with a graph of nodes and an opset), got one without ${missing}`,
    );
  const defaultOpset = opsets.find((o) => (o.domain ?? '') === '' || o.domain === 'ai.onnx');
  const initializers = new Map<string, HostTensor>();
  for (const t of graph.initializer ?? []) initializers.set(t.name ?? '', readTensor(t, `initializer '${t.name}'`));
  const nodes: OnnxNodeIr[] = (graph.node ?? []).map((n, index) => ({
    name: n.name ?? '',
    index,
    opType: n.opType ?? '',
    domain: n.domain ?? '',
    inputs: [...(n.input ?? [])],
    outputs: [...(n.output ?? [])],
    attributes: new Map((n.attribute ?? []).map((a) => [a.name ?? '', readAttribute(a, n.name || n.opType || '')])),
  }));
  const inputs: OnnxValueInfo[] = (graph.input ?? []).map((i) => {
    const tensorType = i.type?.tensorType;
    const dims = tensorType?.shape?.dim?.map((d) => {
      const size = toNumber(d.dimValue);
      return size > 0 ? size : null;
    });
    return { name: i.name ?? '', elemType: tensorType?.elemType ?? 0, dims: tensorType?.shape ? dims : undefined };
  });
  return {
    opset: defaultOpset ? toNumber(defaultOpset.version) : 0,
    producer: `${model.producerName ?? ''} ${model.producerVersion ?? ''}`.trim(),
    inputs,
    outputs: (graph.output ?? []).map((o) => o.name ?? ''),
    initializers,
    nodes,
  };
}
