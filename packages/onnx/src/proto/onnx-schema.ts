// The ONNX protobuf schema: the static protobufjs code that the npm package onnx-proto (MIT) generates
// from onnx.proto of ONNX v1.10.2 (IR version 8, the IR that opset 17 models declare; the opset is a
// number in the model, so the schema serves opset 17 unchanged). onnx-proto is CommonJS: its namespace
// sits on the default export under Node's ESM loader and on the module itself under CommonJS.
import * as onnxProtoModule from 'onnx-proto';
import type { onnx as OnnxNamespace } from 'onnx-proto';

type OnnxProtoModule = { onnx: typeof OnnxNamespace };
const loaded = onnxProtoModule as unknown as OnnxProtoModule & { default?: OnnxProtoModule };

/** The generated ONNX message classes (ModelProto, GraphProto, NodeProto, TensorProto, ...). */
export const onnx: typeof OnnxNamespace = loaded.onnx ?? (loaded.default as OnnxProtoModule).onnx;

/** The IR version written into exported models (ONNX 1.12's, the first with opset 17). */
export const onnxIrVersion = 8;

/** The default-domain opset written into exported models. */
export const onnxOpsetVersion = 17;
