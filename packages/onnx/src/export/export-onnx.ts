import { ArgumentError, Layer, Model, Sequential } from '@baihua/core';
import type { onnx as OnnxNamespace } from 'onnx-proto';
import { encodeModelProto } from '../proto/model-codec.js';
import { onnxIrVersion, onnxOpsetVersion } from '../proto/onnx-schema.js';
import { cancelTransposes } from './cancel-transposes.js';
import { convertModel, convertSequential } from './convert-graph.js';
import { checkExportOptions, type ExportOnnxOptions, namesFor } from './export-options.js';
import { OnnxGraphBuilder, type OnnxValue } from './onnx-graph-builder.js';

/**
 * Writes a built model as an ONNX file (opset 17, IR 8): a `Sequential` or a graph `Model` whose
 * layers come from core, cnn and rnn. Inputs and outputs keep the model's layout (channels last,
 * [batch, time, features]); conv and pool blocks are wrapped in Transposes to ONNX's NCHW, with the
 * back-to-back pairs between blocks removed. The batch dimension is dynamic ('batch') unless
 * `batchSize` fixes it. Weights are stored as float32 initializers; Dropout is dropped. Masks
 * become recurrent ops' sequence lengths only with `masks: 'right-padded'`. A layer,
 * activation or option with no faithful ONNX form is refused by name (ArgumentError), never approximated.
 *
 * @example
 * const model = new Sequential({ layers: [new Dense({ units: 4, activation: 'relu' }), new Dense({ units: 2 })] });
 * model.apply(tf.zeros([1, 3])).dispose();            // build it
 * const bytes = exportOnnx(model, { docString: 'toy' }); // Uint8Array: write it to model.onnx
 *
 * In plain words: saves the model in the format other runtimes (onnxruntime, TensorRT, ...) read.
 */
export function exportOnnx(model: Sequential | Model, options?: ExportOnnxOptions): Uint8Array {
  const o = checkExportOptions(options);
  if (!(model instanceof Sequential || model instanceof Model))
    throw new ArgumentError('exportOnnx', `expected a Sequential or a Model, got ${describeModel(model)}`);
  if (!model.isBuilt)
    throw new ArgumentError(
      'exportOnnx',
      `expected a built model (apply it to data once, or build it from input()), got '${model.name}' not built`,
    );
  const builder = new OnnxGraphBuilder();
  builder.masks = o.masks ?? 'refuse';
  const graphInputs = model instanceof Model ? modelInputs(model) : sequentialInput(model);
  const inputNames = namesFor(
    'inputNames',
    o.inputNames,
    graphInputs.map((i) => i.name),
  );
  const inputs: OnnxValue[] = graphInputs.map((input, i) => ({ name: inputNames[i]!, shape: input.shape }));
  for (const input of inputs) builder.reserve(input.name);
  const defaultOutputs = model instanceof Model ? model.outputNames : ['output'];
  const outputNames = namesFor('outputNames', o.outputNames, defaultOutputs);
  const clash = outputNames.find((n) => inputNames.includes(n));
  if (clash !== undefined)
    throw new ArgumentError('exportOnnx', `expected output names distinct from input names, got '${clash}' in both`);
  // Reserved first: a value inside the graph named after a layer must not take an output's name.
  for (const name of outputNames) builder.reserve(name);
  const result =
    model instanceof Model
      ? convertModel(
          builder,
          model,
          inputs,
          inputs.map(() => undefined),
        )
      : convertSequential(builder, model, inputs[0]!);
  const batch = o.batchSize ?? null;
  const nodes = cancelTransposes(builder.nodes, new Set());
  result.outputs.forEach((value, i) =>
    nodes.push({
      name: `${outputNames[i]}/Identity`,
      opType: 'Identity',
      input: [value.name],
      output: [outputNames[i]!],
    }),
  );
  const graph: OnnxNamespace.IGraphProto = {
    name: o.name ?? model.name,
    node: nodes,
    initializer: builder.initializers,
    input: inputs.map((input, i) => valueInfo(input.name, input.shape, graphInputs[i]!.elemType, batch)),
    output: result.outputs.map((value, i) => valueInfo(outputNames[i]!, value.shape, 1, batch)),
  };
  return encodeModelProto({
    irVersion: onnxIrVersion,
    opsetImport: [{ domain: '', version: onnxOpsetVersion }],
    producerName: 'baihua',
    producerVersion: '0.0.0',
    domain: 'baihua',
    modelVersion: 1,
    docString: o.docString ?? '',
    graph,
  });
}

function describeModel(model: unknown): string {
  if (model instanceof Layer) return `layer '${model.name}' (${model.typeName})`;
  return model === null ? 'null' : typeof model;
}

interface GraphInput {
  name: string;
  shape: (number | null)[];
  elemType: number;
}

function elemTypeOf(dtype: string): number {
  // TensorProto.DataType: FLOAT 1, INT32 6.
  return dtype === 'int32' ? 6 : 1;
}

function modelInputs(model: Model): GraphInput[] {
  const config = model.getConfig() as unknown as {
    inputs: { name: string; shape: (number | null)[]; dtype: string }[];
  };
  return config.inputs.map((i) => ({ name: i.name, shape: [null, ...i.shape], elemType: elemTypeOf(i.dtype) }));
}

function sequentialInput(model: Sequential): GraphInput[] {
  const first = model.layers[0];
  const elemType = first?.typeName === 'Embedding' ? 6 : 1;
  return [{ name: 'input', shape: [null, ...(model.inputShape ?? []).slice(1)], elemType }];
}

function valueInfo(
  name: string,
  shape: (number | null)[],
  elemType: number,
  batch: number | null,
): OnnxNamespace.IValueInfoProto {
  const dim = shape.map((size, axis) =>
    axis === 0
      ? batch === null
        ? { dimParam: 'batch' }
        : { dimValue: batch }
      : size === null
        ? { dimParam: `${name}_dim${axis}` }
        : { dimValue: size },
  );
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

/**
 * `exportOnnx` for any backend: reads every weight of the model once with `await data()` (on webgpu
 * in Node a synchronous read of GPU memory fails; after this the values are cached on the host),
 * then writes the file as `exportOnnx` does. Same options, same result.
 *
 * @example
 * await useBackend('webgpu');
 * const bytes = await exportOnnxAsync(model); // Uint8Array
 *
 * In plain words: the export to use when the weights may live on a GPU.
 */
export async function exportOnnxAsync(model: Sequential | Model, options?: ExportOnnxOptions): Promise<Uint8Array> {
  if (model instanceof Sequential || model instanceof Model)
    await Promise.all(model.weights().map((weight) => weight.read().data()));
  return exportOnnx(model, options);
}
