import type { onnx } from 'onnx-proto';
import { tensorProtoValues } from '../proto/index.js';
import { importError } from './import-error.js';
import type { HostTensor, OnnxAttribute } from './onnx-ir.js';

/** An int64 as protobufjs gives it: a number or a Long. */
export type Int64Like = number | { toNumber(): number } | null | undefined;

/** A protobuf int64 as a JavaScript number. */
export function toNumber(value: Int64Like): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'object' ? value.toNumber() : Number(value);
}

/**
 * A decoded TensorProto as a host tensor, through @baihua/onnx's tensorProtoValues (FLOAT, INT32,
 * INT64); its value count must equal its dims' product (a file whose data and dims disagree lies).
 */
export function readTensor(t: onnx.ITensorProto, what: string): HostTensor {
  if (t.dataLocation === 1)
    throw importError(`${what}: external data is not supported (keep the weights inside the file)`);
  let read: { dims: number[]; values: Float32Array | number[] };
  try {
    read = tensorProtoValues(t);
  } catch (error) {
    throw importError(`${what}: ${(error as Error).message}`);
  }
  const count = read.dims.reduce((n, s) => n * s, 1);
  const bytes = t.rawData?.length ?? 0;
  const width = t.dataType === 7 ? 8 : 4;
  if (read.values.length !== count || (bytes > 0 && bytes !== count * width)) {
    const got = bytes > 0 ? `${bytes} bytes` : `${read.values.length} values`;
    throw importError(`${what}: expected ${count} values for dims [${read.dims}], got ${got}`);
  }
  return { dtype: t.dataType === 1 ? 'float32' : 'int', shape: read.dims, values: read.values };
}

const text = new TextDecoder();

/** A decoded AttributeProto by its type (FLOAT 1, INT 2, STRING 3, TENSOR 4, FLOATS 6, INTS 7, STRINGS 8). */
export function readAttribute(a: onnx.IAttributeProto, nodeName: string): OnnxAttribute {
  const where = `attribute '${a.name}' of node '${nodeName}'`;
  switch (a.type) {
    case 1:
      return { kind: 'float', value: a.f ?? 0 };
    case 2:
      return { kind: 'int', value: toNumber(a.i) };
    case 3:
      return { kind: 'string', value: text.decode(a.s ?? new Uint8Array()) };
    case 4:
      return { kind: 'tensor', value: readTensor(a.t ?? {}, where) };
    case 6:
      return { kind: 'floats', value: [...(a.floats ?? [])] };
    case 7:
      return { kind: 'ints', value: (a.ints ?? []).map(toNumber) };
    case 8:
      return { kind: 'strings', value: (a.strings ?? []).map((s) => text.decode(s)) };
    default:
      return { kind: 'other', value: `type ${a.type}` };
  }
}
