import { matchCompositeActivation } from './composite-activations.js';
import type { ImportContext } from './import-context.js';
import { floatAttribute, intAttribute } from './node-attributes.js';
import type { OnnxNodeIr } from './onnx-ir.js';

const simple: Record<string, string> = { Relu: 'relu', Tanh: 'tanh', Sigmoid: 'sigmoid', Softplus: 'softplus' };
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/**
 * The baihua activation name of an ONNX activation node on a tensor of `rank` whose logical and
 * physical layouts agree, or undefined when baihua has no exact equal (Softmax over another axis,
 * LeakyRelu with a slope other than baihua's 0.01, Elu with alpha other than 1).
 */
export function activationOf(node: OnnxNodeIr, rank: number): string | undefined {
  const name = simple[node.opType];
  if (name !== undefined) return node.attributes.size === 0 ? name : undefined;
  if (node.opType === 'Softmax' || node.opType === 'LogSoftmax') {
    const axis = intAttribute(node, 'axis', -1);
    if (node.attributes.size > 1 || (axis !== -1 && axis !== rank - 1)) return undefined;
    return node.opType === 'Softmax' ? 'softmax' : 'logSoftmax';
  }
  if (node.opType === 'Elu') return close(floatAttribute(node, 'alpha', 1), 1) ? 'elu' : undefined;
  if (node.opType === 'LeakyRelu') return close(floatAttribute(node, 'alpha', 0.01), 0.01) ? 'leakyRelu' : undefined;
  if (node.opType === 'HardSigmoid') {
    const alpha = floatAttribute(node, 'alpha', 0.2);
    return close(alpha, 0.2) && close(floatAttribute(node, 'beta', 0.5), 0.5) ? 'hardSigmoid' : undefined;
  }
  if (node.opType === 'Selu') {
    const alpha = floatAttribute(node, 'alpha', 1.6732632423543772);
    const gamma = floatAttribute(node, 'gamma', 1.0507009873554805);
    return close(alpha, 1.6732632423543772) && close(gamma, 1.0507009873554805) ? 'selu' : undefined;
  }
  return undefined;
}

/** The activation operators the importer knows (folded into a layer, or an OnnxActivation layer). */
export const activationOperators = [
  'Relu',
  'Tanh',
  'Sigmoid',
  'Softplus',
  'Softmax',
  'LogSoftmax',
  'Elu',
  'LeakyRelu',
  'Selu',
  'HardSigmoid',
];

/**
 * When the only reader of `output` is an activation baihua has, folds it into the layer being made:
 * returns its name and the name the layer's output takes (the activation's output). Else none.
 * `elementwiseOnly`: a layer whose physical last axis is not ONNX's last (Conv2D) takes no softmax.
 */
export function fuseActivation(
  context: ImportContext,
  output: string,
  rank: number,
  elementwiseOnly = false,
): { activation: string | undefined; output: string } {
  const composite = matchCompositeActivation(context, output);
  const onlyComposite =
    composite?.nodes !== undefined && context.readersOf(output).every((n) => composite.nodes.includes(n));
  if (composite !== undefined && onlyComposite && !context.isGraphOutput(output)) {
    for (const n of composite.nodes) context.fold(n);
    return { activation: composite.activation, output: composite.output };
  }
  const reader = context.soleReader(output);
  const axisBound = reader?.opType === 'Softmax' || reader?.opType === 'LogSoftmax';
  const activation = reader === undefined || (elementwiseOnly && axisBound) ? undefined : activationOf(reader, rank);
  if (reader === undefined || activation === undefined) return { activation: undefined, output };
  context.fold(reader);
  return { activation, output: reader.outputs[0] as string };
}
