import { Masking } from '@baihua/core';
import type { ImportContext } from './import-context.js';
import { nodeError } from './import-error.js';
import { materialize } from './layout.js';
import { matchMasking } from './mask-lengths.js';
import type { OnnxNodeIr } from './onnx-ir.js';

/**
 * Equal: only as the start of a Masking layer written out by exportOnnx (see mask-lengths.ts),
 * which becomes a Masking layer; any other Equal is refused.
 */
export function lowerEqual(context: ImportContext, node: OnnxNodeIr): void {
  const found = context.values.get(node.inputs[0] ?? '')?.kind === 'dynamic' ? matchMasking(context, node) : undefined;
  if (found === undefined)
    throw nodeError(
      node,
      'unsupported Equal (supported: the mask of a Masking layer or an Embedding with maskZero, as ' +
        "exportOnnx writes it with masks: 'right-padded')",
    );
  const x = materialize(context, node, context.dynamic(node, 0));
  for (const n of found.nodes) context.fold(n);
  const y = context.adopt(new Masking({ maskValue: found.maskValue })).apply(x.symbolic);
  context.setDynamic(found.output, y, x.shape, x.axes);
  const lengths = found.nodes.at(-1)?.outputs[0] as string;
  context.values.set(lengths, { kind: 'lengths' });
}
