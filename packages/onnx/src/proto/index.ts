// The ONNX protobuf layer: the schema (onnx-proto), ModelProto encode/decode and TensorProto helpers.
export { onnx, onnxIrVersion, onnxOpsetVersion } from './onnx-schema.js';
export { decodeModelProto, encodeModelProto } from './model-codec.js';
export type { ModelProto, ModelProtoInit } from './model-codec.js';
export { float32TensorProto, int64TensorProto, onnxDataType, tensorProtoValues } from './tensor-proto.js';
export type { TensorProtoInit } from './tensor-proto.js';
