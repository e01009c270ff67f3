import { type Layer, Model, type SymbolicTensor } from '@baihua/core';
import { ImportContext } from './import-context.js';
import { importError } from './import-error.js';
import { type ImportOnnxOptions, type ResolvedImportOptions, resolveImportOptions } from './import-options.js';
import type { OnnxGraphIr } from './onnx-ir.js';
import { createInputs } from './graph-inputs.js';
import { materialize } from './layout.js';
import { lowerNode } from './lower-node.js';
import { readOnnxModel } from './read-onnx-model.js';

/**
 * The oldest default-domain opset importOnnx reads: 13, where Squeeze and Unsqueeze take their axes
 * as inputs. @example if (opset < minOpset) convertFirst();
 * In plain words: files older than this need converting before they come in.
 */
export const minOpset = 13;

/**
 * The newest default-domain opset importOnnx reads: 17 (PyTorch 1.13's highest; LayerNormalization).
 * @example if (opset > maxOpset) exportAgainWith({ opset_version: maxOpset });
 * In plain words: files newer than this may use operators the importer does not know yet.
 */
export const maxOpset = 17;

/**
 * Reads an ONNX model (the bytes of a ModelProto, opset 13 to 17, as PyTorch's `torch.onnx.export`
 * or exportOnnx write it) into a baihua graph Model of core, cnn and rnn layers holding the file's
 * weights as trainable variables, so a model trained elsewhere runs, fine-tunes (`fit`) and saves
 * here. Gemm/MatMul(+Add) become Dense, Conv Conv2D, pools MaxPool2D/AvgPool2D/L2Pool2D, LSTM/GRU/RNN
 * nodes LSTM, PeepholeLSTM, CoupledLSTM, GRU, SimpleRNN (Bidirectional), Gather on a table
 * Embedding; activations are folded into the layer before them; shape arithmetic, Constant,
 * Identity, Dropout and the exporter's Transpose/Squeeze/Unsqueeze/Reshape around recurrent nodes
 * are folded away.
 * Shapes: each ONNX input [batch, ...] -> each ONNX output [batch, ...], in the file's layout; an
 * image input stays NCHW unless `imageLayout: 'nhwc'`; int64 ids are taken as int32.
 * Errors (ArgumentError / ShapeError): truncated or non-ONNX bytes, a file over `maxBytes`, an opset
 * or operator outside the supported set, an unsupported attribute, a weight whose shape does not fit;
 * each names the node and operator, and every layer made so far is disposed first.
 *
 * @example
 * const model = importOnnx(readFileSync('lenet.onnx'), { imageLayout: 'nchw' });
 * const y = model.apply(tf.zeros([2, 1, 12, 12]));   // NCHW in, as in PyTorch: [2, 10]
 *
 * In plain words: take a network someone built and trained in PyTorch and keep working on it here.
 */
export function importOnnx(bytes: Uint8Array | ArrayBuffer, options?: ImportOnnxOptions): Model {
  const resolved = resolveImportOptions(options);
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  if (!(data instanceof Uint8Array))
    throw importError(`expected bytes (Uint8Array or ArrayBuffer), got ${typeof bytes}`);
  if (data.byteLength > resolved.maxBytes)
    throw importError(`expected a model of at most maxBytes ${resolved.maxBytes} bytes, got ${data.byteLength} bytes`);
  return modelFromGraph(readOnnxModel(data), resolved);
}

/** The lowering of an already decoded graph (importOnnx after reading the bytes). */
export function modelFromGraph(graph: OnnxGraphIr, resolved: ResolvedImportOptions): Model {
  if (!(graph.opset >= minOpset && graph.opset <= maxOpset))
    throw importError(`expected opset ${minOpset} to ${maxOpset} of the default domain, got opset ${graph.opset}`);
  const context = new ImportContext(graph);
  try {
    const inputs = createInputs(context, resolved.imageLayout);
    graph.nodes.forEach((node) => {
      if (!context.isFolded(node)) lowerNode(context, node);
    });
    const outputs = graph.outputs.map((name) => outputOf(context, name));
    const named = graph.outputs.every((n) => !/^\d+$/.test(n)) && new Set(graph.outputs).size === graph.outputs.length;
    return new Model({
      ...(resolved.name === undefined ? {} : { name: resolved.name }),
      inputs,
      outputs: named ? Object.fromEntries(graph.outputs.map((n, i) => [n, outputs[i] as SymbolicTensor])) : outputs,
    });
  } catch (error) {
    for (const layer of context.layers) (layer as Layer).dispose();
    throw error;
  }
}

function outputOf(context: ImportContext, name: string): SymbolicTensor {
  const value = context.values.get(name);
  if (value === undefined) throw importError(`graph output '${name}' is produced by no node`);
  if (value.kind !== 'dynamic')
    throw importError(`graph output '${name}' is a ${value.kind} value; expected one computed from the inputs`);
  const producer = context.graph.nodes.find((n) => n.outputs.includes(name));
  return materialize(
    context,
    producer ?? { name, opType: 'Output', domain: '', inputs: [], outputs: [], attributes: new Map() },
    value,
  ).symbolic;
}
