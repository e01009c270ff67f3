import type { Embedding, Masking } from '@baihua/core';
import { weightValues } from './weight-values.js';
import { type ConvertContext, type ConvertResult, type LayerConverter, refuse } from './export-context.js';
import type { OnnxGraphBuilder } from './onnx-graph-builder.js';

const castToInt32 = { to: 6 };
const castToFloat = { to: 1 };

function checkMasksAllowed(builder: OnnxGraphBuilder, context: ConvertContext, what: string): void {
  if (builder.masks !== 'right-padded')
    refuse(
      context.layer,
      `${what}; ONNX recurrent ops take sequence lengths, which equal a mask only for right-padded ` +
        "sequences: pass masks: 'right-padded' to export it on that assumption",
    );
  if (context.lengths[0] !== undefined) refuse(context.layer, 'is given a mask and makes another');
}

/** The int32 [batch] count of true steps of a bool [batch, time] mask. */
function lengthsOf(builder: OnnxGraphBuilder, mask: string, base: string): string {
  const steps = builder.op('Cast', [mask], `${base}/mask_int`, castToInt32);
  return builder.op('ReduceSum', [steps, builder.ints(`${base}/time_axis`, [1])], `${base}/lengths`, { keepdims: 0 });
}

/**
 * Masking: mask[b, t] = any feature != maskValue; the output is x with masked steps zeroed (as the
 * layer computes), and the mask travels on as lengths (the count of unmasked steps).
 */
function convertMasking(context: ConvertContext): ConvertResult {
  const { builder, inputs } = context;
  const layer = context.layer as Masking;
  checkMasksAllowed(builder, context, 'makes a mask');
  const x = inputs[0]!;
  const base = layer.name;
  const differs = builder.op(
    'Not',
    [builder.op('Equal', [x.name, builder.floats(`${base}/mask_value`, [], [layer.maskValue])], `${base}/equal`)],
    `${base}/differs`,
  );
  const anyFeature = builder.op(
    'ReduceMax',
    [builder.op('Cast', [differs], `${base}/differs_float`, castToFloat)],
    `${base}/step_mask`,
    { axes: [-1], keepdims: 1 },
  );
  const y = builder.op('Mul', [x.name, anyFeature], base);
  const mask = builder.op('Squeeze', [anyFeature, builder.ints(`${base}/feature_axis`, [-1])], `${base}/mask`);
  return { outputs: [{ name: y, shape: x.shape }], lengths: [lengthsOf(builder, mask, base)] };
}

/** Embedding: Gather of the table's rows by id; with maskZero, lengths = the count of non-zero ids. */
function convertEmbedding(context: ConvertContext): ConvertResult {
  const { builder, inputs } = context;
  const layer = context.layer as Embedding;
  const ids = inputs[0]!;
  const table = layer.weight('embeddings');
  const rows = builder.floats(`${layer.name}/embeddings`, table.shape, weightValues(table));
  const y = builder.op('Gather', [rows, ids.name], layer.name, { axis: 0 });
  const output = { name: y, shape: [...ids.shape, layer.outputDim] };
  if (!layer.maskZero) return { outputs: [output], lengths: [context.lengths[0]] };
  checkMasksAllowed(builder, context, 'has maskZero: true (it makes a mask)');
  const zero = builder.op('Cast', [builder.ints(`${layer.name}/zero`, [0])], `${layer.name}/zero_id`, { to: 6 });
  const valid = builder.op(
    'Not',
    [builder.op('Equal', [ids.name, zero], `${layer.name}/is_zero`)],
    `${layer.name}/mask`,
  );
  return { outputs: [output], lengths: [lengthsOf(builder, valid, layer.name)] };
}

/** Registers this file's layer converters (called once by the converter table). */
export function registerMaskConverters(register: (typeName: string, converter: LayerConverter) => void): void {
  register('Masking', convertMasking);
  register('Embedding', convertEmbedding);
}
