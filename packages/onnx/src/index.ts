// @baihua/onnx: ONNX for baihua models.
// exportOnnx (ONNXOUT) and importOnnx (ONNXIN); each helper keeps to its own export lines.
export { decodeModelProto, encodeModelProto } from './proto/index.js';
export type { ModelProto, ModelProtoInit } from './proto/index.js';
export { exportOnnx, exportOnnxAsync } from './export/export-onnx.js';
export type { ExportOnnxOptions } from './export/export-options.js';
// ---- importOnnx (ONNXIN) ----
export { importOnnx, maxOpset, minOpset } from './import/import-onnx.js';
export type { ImportOnnxOptions } from './import/import-options.js';
export { importableOnnxOperators } from './import/lower-node.js';
export { OnnxActivation } from './import/layers/onnx-activation.js';
export type { OnnxActivationOptions } from './import/layers/onnx-activation.js';
export { OnnxPermute } from './import/layers/onnx-permute.js';
export type { OnnxPermuteOptions } from './import/layers/onnx-permute.js';
export { OnnxSelect } from './import/layers/onnx-select.js';
export type { OnnxSelectOptions } from './import/layers/onnx-select.js';
export { OnnxChannelAffine } from './import/layers/onnx-channel-affine.js';
export type { OnnxChannelAffineOptions } from './import/layers/onnx-channel-affine.js';
export { OnnxGroupedConv } from './import/layers/onnx-grouped-conv.js';
export type { OnnxGroupedConvOptions } from './import/layers/onnx-grouped-conv.js';
export { OnnxBinary } from './import/layers/onnx-binary.js';
export type { OnnxBinaryOptions } from './import/layers/onnx-binary.js';
export { OnnxUnary } from './import/layers/onnx-unary.js';
export type { OnnxUnaryOptions } from './import/layers/onnx-unary.js';
export { OnnxReduce } from './import/layers/onnx-reduce.js';
export type { OnnxReduceOptions } from './import/layers/onnx-reduce.js';
export { OnnxTile } from './import/layers/onnx-tile.js';
export type { OnnxTileOptions } from './import/layers/onnx-tile.js';
