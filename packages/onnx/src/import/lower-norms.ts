import { BatchNorm, LayerNorm } from '@baihua/core';
import type { ImportContext } from './import-context.js';
import { nodeError } from './import-error.js';
import { materialize } from './layout.js';
import { checkAttributes, floatAttribute, intAttribute, requireValue } from './node-attributes.js';
import type { OnnxNodeIr } from './onnx-ir.js';

/**
 * BatchNormalization (inference form: scale, B, running mean and variance; the channel axis 1 must
 * be baihua's last axis, as for NCHW images and [N, C] features) as BatchNorm; LayerNormalization
 * over the last axis as LayerNorm. Epsilon and momentum are the node's.
 */
export function lowerBatchNorm(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['epsilon', 'momentum', 'training_mode']);
  requireValue(node, 'training_mode', intAttribute(node, 'training_mode', 0), [0]);
  const x = context.dynamic(node, 0);
  if (x.axes[1] !== Math.max(...x.axes))
    throw nodeError(
      node,
      `unsupported channel axis: baihua's BatchNorm normalises the last axis, input is [${x.shape}]`,
    );
  const [gamma, beta, mean, variance] = ['scale', 'B', 'mean', 'var'].map((what, i) =>
    context.constant(node, i + 1, what),
  );
  const layer = context.adopt(
    new BatchNorm({ epsilon: floatAttribute(node, 'epsilon', 1e-5), momentum: floatAttribute(node, 'momentum', 0.9) }),
  );
  const y = layer.apply(x.symbolic);
  context.setWeight(node, layer, 'gamma', gamma!);
  context.setWeight(node, layer, 'beta', beta!);
  context.setWeight(node, layer, 'movingMean', mean!);
  context.setWeight(node, layer, 'movingVariance', variance!);
  context.setDynamic(node.outputs[0] as string, y, x.shape, x.axes);
}

export function lowerLayerNorm(context: ImportContext, node: OnnxNodeIr): void {
  checkAttributes(node, ['axis', 'epsilon', 'stash_type']);
  const x = materialize(context, node, context.dynamic(node, 0));
  const axis = intAttribute(node, 'axis', -1);
  if (axis !== -1 && axis !== x.shape.length - 1)
    throw nodeError(node, `unsupported axis ${axis} (supported: -1, the last)`);
  if (node.outputs.slice(1).some((o) => context.isUsed(o))) throw nodeError(node, 'unsupported Mean/InvStdDev outputs');
  const scale = context.constant(node, 1, 'Scale');
  const bias = context.has(node, 2) ? context.constant(node, 2, 'B') : undefined;
  const layer = context.adopt(new LayerNorm({ epsilon: floatAttribute(node, 'epsilon', 1e-5) }));
  const y = layer.apply(x.symbolic);
  context.setWeight(node, layer, 'gamma', scale);
  if (bias !== undefined) context.setWeight(node, layer, 'beta', bias);
  context.setDynamic(node.outputs[0] as string, y, x.shape, x.axes);
}
