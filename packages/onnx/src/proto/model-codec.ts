import { ArgumentError } from '@baihua/core';
import type { onnx as OnnxNamespace } from 'onnx-proto';
import { onnx } from './onnx-schema.js';

/**
 * A decoded ONNX ModelProto (protobufjs message: int64 fields are numbers or Long objects); its
 * graph, when present, is a decoded GraphProto, whose repeated fields are arrays (empty when absent).
 */
export type ModelProto = Omit<OnnxNamespace.ModelProto, 'graph'> & { graph?: OnnxNamespace.GraphProto | null };

/** The plain-object form of a ModelProto accepted by `encodeModelProto`. */
export type ModelProtoInit = OnnxNamespace.IModelProto;

/**
 * Decodes the bytes of an ONNX file into a ModelProto message.
 *
 * In plain words: reads an .onnx file's bytes into objects (graph, nodes, initializers).
 *
 * Throws what protobufjs throws on bytes that are not protobuf (truncated, wrong wire types); it does
 * not check that the message is a sensible model (callers do).
 *
 * @example
 * const model = decodeModelProto(readFileSync('model.onnx'));
 * console.log(model.graph?.node.length);
 */
export function decodeModelProto(bytes: Uint8Array): ModelProto {
  if (!(bytes instanceof Uint8Array))
    throw new ArgumentError('decodeModelProto', `expected bytes as a Uint8Array, got ${describe(bytes)}`);
  return onnx.ModelProto.decode(bytes) as ModelProto;
}

/**
 * Encodes a ModelProto (a message or its plain-object form) into the bytes of an ONNX file.
 *
 * In plain words: the inverse of `decodeModelProto`.
 *
 * @example
 * const bytes = encodeModelProto({ irVersion: 8, opsetImport: [{ domain: '', version: 17 }], graph });
 */
export function encodeModelProto(model: ModelProtoInit): Uint8Array {
  if (model === null || typeof model !== 'object')
    throw new ArgumentError('encodeModelProto', `expected a ModelProto object, got ${describe(model)}`);
  const message = model instanceof onnx.ModelProto ? model : onnx.ModelProto.fromObject(model);
  return onnx.ModelProto.encode(message).finish();
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'an object';
  return typeof value;
}
