import type { Attention } from '@baihua/core';
import { type ConvertContext, type ConvertResult, type LayerConverter, refuse } from './export-context.js';
import { weightValues } from './weight-values.js';

/**
 * Attention (dot-product) and AdditiveAttention, written out (opset 17 has no attention operator):
 * logits q k^T (times the scale) or sum(scale * tanh(q + k)) over the features, a causal bias of
 * -1e9 above the diagonal as the layer adds, Softmax over the keys, then the weights times the
 * values. Inputs [query, value] or [query, value, key]; returnScores adds the weights as an output.
 */
function convertAttention(context: ConvertContext): ConvertResult {
  const { builder, inputs } = context;
  const layer = context.layer as Attention;
  const base = layer.name;
  const query = inputs[0]!;
  const value = inputs[1]!;
  const key = inputs[2] ?? value;
  const scale = layer.useScale ? layer.weight('scale') : undefined;
  const scaleName = () => builder.floats(`${base}/scale`, scale!.shape, weightValues(scale!));
  let logits: string;
  if (layer.typeName === 'Attention') {
    const keyT = builder.op('Transpose', [key.name], `${base}/key_t`, { perm: [0, 2, 1] });
    logits = builder.op('MatMul', [query.name, keyT], `${base}/logits`);
    if (scale) logits = builder.op('Mul', [logits, scaleName()], `${base}/scaled_logits`);
  } else {
    const q = builder.op('Unsqueeze', [query.name, builder.ints(`${base}/query_axis`, [2])], `${base}/query_4d`);
    const k = builder.op('Unsqueeze', [key.name, builder.ints(`${base}/key_axis`, [1])], `${base}/key_4d`);
    let summed = builder.op('Tanh', [builder.op('Add', [q, k], `${base}/sum`)], `${base}/tanh`);
    if (scale) summed = builder.op('Mul', [summed, scaleName()], `${base}/scaled`);
    logits = builder.op('ReduceSum', [summed, builder.ints(`${base}/feature_axis`, [-1])], `${base}/logits`, {
      keepdims: 0,
    });
  }
  const queries = query.shape[1] ?? null;
  const keys = key.shape[1] ?? null;
  if (layer.causal) {
    if (queries === null || keys === null) refuse(layer, 'is causal on free sequence lengths (its bias needs them)');
    const bias = new Float32Array(queries * keys);
    for (let i = 0; i < queries; i++) for (let j = 0; j < keys; j++) bias[i * keys + j] = j <= i ? 0 : -1e9;
    logits = builder.op(
      'Add',
      [logits, builder.floats(`${base}/causal_bias`, [1, queries, keys], bias)],
      `${base}/causal`,
    );
  }
  const weights = builder.op('Softmax', [logits], `${base}/weights`, { axis: -1 });
  const output = builder.op('MatMul', [weights, value.name], base);
  const outputs = [{ name: output, shape: [query.shape[0]!, queries, value.shape[2]!] }];
  if (layer.returnScores) outputs.push({ name: weights, shape: [query.shape[0]!, queries, keys] });
  return { outputs, lengths: outputs.map(() => undefined) };
}

/** Registers this file's layer converters (called once by the converter table). */
export function registerAttentionConverters(register: (typeName: string, converter: LayerConverter) => void): void {
  register('Attention', convertAttention);
  register('AdditiveAttention', convertAttention);
}
