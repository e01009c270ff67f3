import type { SymbolicTensor } from '@baihua/core';
import type { ImportContext } from './import-context.js';
import { nodeError } from './import-error.js';
import { materialize } from './layout.js';
import type { OnnxNodeIr } from './onnx-ir.js';

/**
 * The X input of a recurrent node as baihua's batch-first [batch, time, features], after checking
 * the inputs baihua cannot take: sequence_lens (except those an Embedding's mask carries, see
 * mask-lengths.ts), and initial states other than zeros (PyTorch writes
 * zeros of a run-time batch size as ConstantOfShape, read here as a fill of 0).
 */
export function recurrentInput(
  context: ImportContext,
  node: OnnxNodeIr,
  layout: number,
): { symbolic: SymbolicTensor; shape: (number | null)[] } {
  const carried = context.has(node, 4) && context.input(node, 4).kind === 'lengths';
  if (context.has(node, 4) && !(carried && context.dynamic(node, 0).symbolic.maskShape !== undefined))
    throw nodeError(
      node,
      'unsupported input sequence_lens (supported: the lengths of a masking Embedding, as exportOnnx writes them)',
    );
  const states = node.opType === 'LSTM' ? [5, 6] : [5];
  for (const index of states) {
    if (!context.has(node, index)) continue;
    const value = context.input(node, index);
    const zero =
      (value.kind === 'fill' && value.value === 0) ||
      (value.kind === 'const' && Array.from(value.tensor.values).every((v) => Number(v) === 0));
    if (!zero)
      throw nodeError(node, `unsupported initial state (input ${index}): only zeros, the default, are supported`);
  }
  const x = context.dynamic(node, 0);
  if (x.shape.length !== 3) throw nodeError(node, `expected X of rank 3, got shape [${x.shape}]`);
  if (layout === 1) {
    const plain = materialize(context, node, x);
    return { symbolic: plain.symbolic, shape: plain.shape };
  }
  // Layout 0 is time-major [T, B, I]: baihua runs batch-first, so X must be a batch-first tensor viewed
  // time-major (PyTorch's Transpose(1, 0, 2) of a batch_first input), which needs no data movement.
  if (x.axes[0] !== 1 || x.axes[1] !== 0 || x.axes[2] !== 2)
    throw nodeError(
      node,
      'expected X to be a batch-first tensor transposed to time-major (layout 0), got a time-major graph input: ' +
        'export with batch_first=True or layout 1',
    );
  return { symbolic: x.symbolic, shape: [x.shape[1] ?? null, x.shape[0] ?? null, x.shape[2] ?? null] };
}
