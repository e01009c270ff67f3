import { ArgumentError } from '@baihua/core';
import type { onnx as OnnxNamespace } from 'onnx-proto';
import { onnx } from './onnx-schema.js';

/** ONNX TensorProto.DataType codes used here: FLOAT (1), INT32 (6), INT64 (7). */
export const onnxDataType = { float: 1, int32: 6, int64: 7 } as const;

/** A TensorProto as a plain object (what the graph builders put in initializers and attributes). */
export type TensorProtoInit = OnnxNamespace.ITensorProto;

/**
 * A float32 TensorProto from values in row-major order, stored little-endian in `rawData`.
 *
 * In plain words: packs a weight array for an ONNX initializer.
 *
 * @example
 * const w = float32TensorProto('dense/kernel', [4, 2], kernelValues);
 */
export function float32TensorProto(name: string, dims: readonly number[], values: ArrayLike<number>): TensorProtoInit {
  checkSize('float32TensorProto', dims, values.length);
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i] as number, true);
  return { name, dims: [...dims], dataType: onnxDataType.float, rawData: raw };
}

/**
 * An int64 TensorProto (shapes, axes, sequence lengths) from integer values, stored in `int64Data`.
 *
 * In plain words: packs a small integer array (a Reshape's target shape) for ONNX.
 *
 * @example
 * const shape = int64TensorProto('flatten/shape', [2], [0, -1]);
 */
export function int64TensorProto(name: string, dims: readonly number[], values: ArrayLike<number>): TensorProtoInit {
  checkSize('int64TensorProto', dims, values.length);
  const data: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isSafeInteger(v)) throw new ArgumentError('int64TensorProto', `expected integers, got ${v}`);
    data.push(v);
  }
  return { name, dims: [...dims], dataType: onnxDataType.int64, int64Data: data };
}

/**
 * The values of a float32, int32 or int64 TensorProto as numbers, with its dims.
 *
 * In plain words: unpacks an initializer back into an array (the inverse of the two builders).
 *
 * @example
 * const { dims, values } = tensorProtoValues(model.graph.initializer[0]);
 */
export function tensorProtoValues(tensor: TensorProtoInit): { dims: number[]; values: Float32Array | number[] } {
  const message = tensor instanceof onnx.TensorProto ? tensor : onnx.TensorProto.fromObject(tensor);
  const dims = message.dims.map(Number);
  const size = dims.reduce((a, b) => a * b, 1);
  const raw = message.rawData;
  if (message.dataType === onnxDataType.float) {
    if (raw.length === 0) return { dims, values: Float32Array.from(message.floatData) };
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return { dims, values: Float32Array.from({ length: size }, (_, i) => view.getFloat32(i * 4, true)) };
  }
  if (message.dataType === onnxDataType.int64) {
    if (raw.length === 0) return { dims, values: message.int64Data.map(Number) };
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return { dims, values: Array.from({ length: size }, (_, i) => Number(view.getBigInt64(i * 8, true))) };
  }
  if (message.dataType === onnxDataType.int32) {
    if (raw.length === 0) return { dims, values: [...message.int32Data] };
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return { dims, values: Array.from({ length: size }, (_, i) => view.getInt32(i * 4, true)) };
  }
  throw new ArgumentError('tensorProtoValues', `expected data type FLOAT, INT32 or INT64, got ${message.dataType}`);
}

function checkSize(fn: string, dims: readonly number[], length: number): void {
  const size = dims.reduce((a, b) => a * b, 1);
  if (size !== length) throw new ArgumentError(fn, `expected ${size} values for dims [${dims}], got ${length}`);
}
