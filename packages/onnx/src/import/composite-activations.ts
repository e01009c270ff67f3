import type { ImportContext } from './import-context.js';
import type { OnnxNodeIr } from './onnx-ir.js';
import { sizeOf } from './onnx-ir.js';

/**
 * Activations ONNX opset 17 has no operator for, written as small subgraphs (as exportOnnx and
 * PyTorch write them), recognised on the value `x` they start from:
 * silu: Mul(x, Sigmoid(x)); gelu: Mul(Mul(x, 0.5), Add(Erf(Mul(x, 1/sqrt 2)), 1)) (operands in
 * either order). Returns the activation, the nodes it covers and the name of its result.
 */
export interface CompositeActivation {
  activation: 'silu' | 'gelu';
  nodes: OnnxNodeIr[];
  output: string;
}

function scalarOperand(context: ImportContext, node: OnnxNodeIr, other: string): number | undefined {
  if (node.inputs.length !== 2 || !node.inputs.includes(other)) return undefined;
  const name = node.inputs[0] === other ? node.inputs[1] : node.inputs[0];
  const value = name === undefined ? undefined : context.values.get(name);
  if (value?.kind !== 'const' || sizeOf(value.tensor.shape) !== 1) return undefined;
  return Number(value.tensor.values[0]);
}

const near = (a: number | undefined, b: number): boolean => a !== undefined && Math.abs(a - b) <= 1e-6;

/** The other input of a two-input node, when one input is `name`. */
function otherInput(node: OnnxNodeIr, name: string): string | undefined {
  if (node.inputs.length !== 2) return undefined;
  return node.inputs[0] === name ? node.inputs[1] : node.inputs[1] === name ? node.inputs[0] : undefined;
}

export function matchCompositeActivation(context: ImportContext, x: string): CompositeActivation | undefined {
  const readers = context.readersOf(x).filter((n) => n.attributes.size === 0);
  for (const sigmoid of readers.filter((n) => n.opType === 'Sigmoid')) {
    const mul = context.soleReader(sigmoid.outputs[0] as string);
    if (mul?.opType === 'Mul' && otherInput(mul, sigmoid.outputs[0] as string) === x)
      return { activation: 'silu', nodes: [sigmoid, mul], output: mul.outputs[0] as string };
  }
  const scaled = readers.find((n) => n.opType === 'Mul' && near(scalarOperand(context, n, x), Math.SQRT1_2));
  const half = readers.find((n) => n.opType === 'Mul' && near(scalarOperand(context, n, x), 0.5));
  if (scaled === undefined || half === undefined) return undefined;
  const erf = context.soleReader(scaled.outputs[0] as string);
  const onePlus = erf?.opType === 'Erf' ? context.soleReader(erf.outputs[0] as string) : undefined;
  if (
    erf === undefined ||
    onePlus?.opType !== 'Add' ||
    !near(scalarOperand(context, onePlus, erf.outputs[0] as string), 1)
  )
    return undefined;
  const product = context.soleReader(onePlus.outputs[0] as string);
  if (product?.opType !== 'Mul' || otherInput(product, onePlus.outputs[0] as string) !== half.outputs[0])
    return undefined;
  if (context.soleReader(half.outputs[0] as string) !== product) return undefined;
  return { activation: 'gelu', nodes: [scaled, half, erf, onePlus, product], output: product.outputs[0] as string };
}
