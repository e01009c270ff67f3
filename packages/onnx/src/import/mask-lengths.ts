import type { ImportContext } from './import-context.js';
import type { OnnxNodeIr } from './onnx-ir.js';

/**
 * The lengths subgraph exportOnnx writes for an Embedding with maskZero (masks: 'right-padded'):
 * Equal(ids, 0) -> Not -> Cast -> ReduceSum over time (keepdims 0) -> the sequence_lens of
 * recurrent nodes. When ids start one, the Embedding is made with maskZero (its mask travels to
 * the recurrent layer, as in the exported model), these nodes are folded, and the lengths are
 * recorded as carried by that mask.
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

/** The chain's nodes (Equal, Not, Cast, ReduceSum) when `ids` start it, else undefined. */
export function matchMaskLengths(context: ImportContext, ids: string): OnnxNodeIr[] | undefined {
  const equal = context.readersOf(ids).find((n) => n.opType === 'Equal' && n.inputs[0] === ids);
  if (equal === undefined || !isZero(context, equal.inputs[1] ?? '')) return undefined;
  const not = context.soleReader(equal.outputs[0] as string);
  const cast = not?.opType === 'Not' ? context.soleReader(not.outputs[0] as string) : undefined;
  const sum = cast?.opType === 'Cast' ? context.soleReader(cast.outputs[0] as string) : undefined;
  if (sum?.opType !== 'ReduceSum' || sum.attributes.get('keepdims')?.value !== 0) return undefined;
  const axes = context.graph.initializers.get(sum.inputs[1] ?? '');
  if (axes === undefined || axes.values.length !== 1 || Number(axes.values[0]) !== 1) return undefined;
  const lengths = sum.outputs[0] as string;
  const readers = context.readersOf(lengths);
  if (
    context.isGraphOutput(lengths) ||
    !readers.every((n) => recurrentOps.includes(n.opType) && n.inputs[4] === lengths)
  )
    return undefined;
  return [equal, not as OnnxNodeIr, cast as OnnxNodeIr, sum];
}
