// @baihua/onnx: ONNX for baihua models.
// exportOnnx (ONNXOUT) and importOnnx (ONNXIN); each helper keeps to its own export lines.
export { decodeModelProto, encodeModelProto } from './proto/index.js';
export type { ModelProto, ModelProtoInit } from './proto/index.js';
