import type { ImportContext } from './import-context.js';
import type { OnnxNodeIr } from './onnx-ir.js';

/**
 * The lengths subgraphs exportOnnx writes (masks: 'right-padded') for an Embedding with maskZero,
 * Equal(ids, 0) -> Not -> Cast -> ReduceSum over time (keepdims 0) -> sequence_lens of recurrent
 * nodes, and for a Masking layer (below). The importer makes the layer with its mask again (the
 * mask travels to the recurrent layer, as in the exported model), folds these nodes, and records
 * the lengths as carried by that mask.
 */
const recurrentOps = ['LSTM', 'GRU', 'RNN'];

function producer(context: ImportContext, name: string): OnnxNodeIr | undefined {
  return context.graph.nodes.find((n) => n.outputs.includes(name));
}

/** Whether `name` is zeros: an all-zero initialiser, or a Cast of one. */
function isZero(context: ImportContext, name: string): boolean {
  const value = context.graph.initializers.get(name);
  if (value !== undefined) return Array.from(value.values).every((v) => Number(v) === 0);
  const cast = producer(context, name);
  return cast?.opType === 'Cast' && isZero(context, cast.inputs[0] ?? '');
}

/** Cast -> ReduceSum over time (keepdims 0) of a bool mask, read only as recurrent sequence_lens. */
function lengthsOf(context: ImportContext, mask: string): OnnxNodeIr[] | undefined {
  const cast = context.soleReader(mask);
  const sum = cast?.opType === 'Cast' ? context.soleReader(cast.outputs[0] as string) : undefined;
  if (cast === undefined || sum?.opType !== 'ReduceSum' || sum.attributes.get('keepdims')?.value !== 0)
    return undefined;
  const axes = context.graph.initializers.get(sum.inputs[1] ?? '');
  if (axes === undefined || axes.values.length !== 1 || Number(axes.values[0]) !== 1) return undefined;
  const lengths = sum.outputs[0] as string;
  const readers = context.readersOf(lengths);
  const onlyRecurrent = readers.every((n) => recurrentOps.includes(n.opType) && n.inputs[4] === lengths);
  return context.isGraphOutput(lengths) || !onlyRecurrent ? undefined : [cast, sum];
}

/** The Embedding chain's nodes (Equal, Not, Cast, ReduceSum) when `ids` start it, else undefined. */
export function matchMaskLengths(context: ImportContext, ids: string): OnnxNodeIr[] | undefined {
  const equal = context.readersOf(ids).find((n) => n.opType === 'Equal' && n.inputs[0] === ids);
  if (equal === undefined || !isZero(context, equal.inputs[1] ?? '')) return undefined;
  const not = context.soleReader(equal.outputs[0] as string);
  const rest = not?.opType === 'Not' ? lengthsOf(context, not.outputs[0] as string) : undefined;
  return rest === undefined ? undefined : [equal, not as OnnxNodeIr, ...rest];
}

/**
 * A Masking layer as exportOnnx writes it, from its Equal node: Equal(x, c) -> Not -> Cast ->
 * ReduceMax over features (keepdims) = any; Mul(x, any) is the output; Squeeze(any) -> Cast ->
 * ReduceSum -> sequence_lens. Returns the nodes, the mask value, x, and the Mul's output.
 */
export function matchMasking(
  context: ImportContext,
  equal: OnnxNodeIr,
): { nodes: OnnxNodeIr[]; maskValue: number; x: string; output: string } | undefined {
  const [x, c] = [equal.inputs[0] as string, context.values.get(equal.inputs[1] ?? '')];
  if (c?.kind !== 'const' || c.tensor.values.length !== 1) return undefined;
  const not = context.soleReader(equal.outputs[0] as string);
  const cast = not?.opType === 'Not' ? context.soleReader(not.outputs[0] as string) : undefined;
  const max = cast?.opType === 'Cast' ? context.soleReader(cast.outputs[0] as string) : undefined;
  if (max?.opType !== 'ReduceMax' || JSON.stringify(max.attributes.get('axes')?.value) !== '[-1]') return undefined;
  const any = max.outputs[0] as string;
  const readers = context.readersOf(any);
  const mul = readers.find((n) => n.opType === 'Mul' && n.inputs[0] === x && n.inputs[1] === any);
  const squeeze = readers.find((n) => n.opType === 'Squeeze');
  const rest = squeeze === undefined ? undefined : lengthsOf(context, squeeze.outputs[0] as string);
  if (readers.length !== 2 || mul === undefined || rest === undefined || context.isGraphOutput(any)) return undefined;
  const nodes = [equal, not as OnnxNodeIr, cast as OnnxNodeIr, max, mul, squeeze as OnnxNodeIr, ...rest];
  return { nodes, maskValue: Number(c.tensor.values[0]), x, output: mul.outputs[0] as string };
}
