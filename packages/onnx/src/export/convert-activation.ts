import type { Layer } from '@baihua/core';
import { refuse } from './export-context.js';
import type { OnnxGraphBuilder } from './onnx-graph-builder.js';

const selu = { alpha: 1.6732632423543772, gamma: 1.0507009873554805 };

/**
 * Writes a built-in activation (by its registered name) after `x`; returns the output name.
 * `channelAxis` is where softmax normalises (1 inside an NCHW conv block). Names with no ONNX
 * opset 17 operator are written as their exact decomposition (gelu with Erf, silu as
 * x * Sigmoid(x)); an activation registered by the user is refused by name.
 */
export function writeActivation(
  builder: OnnxGraphBuilder,
  layer: Layer,
  name: string,
  x: string,
  base: string,
  channelAxis = -1,
): string {
  switch (name) {
    case 'linear':
      return x;
    case 'relu':
      return builder.op('Relu', [x], base);
    case 'sigmoid':
      return builder.op('Sigmoid', [x], base);
    case 'tanh':
      return builder.op('Tanh', [x], base);
    case 'softmax':
      return builder.op('Softmax', [x], base, { axis: channelAxis });
    case 'logSoftmax':
      return builder.op('LogSoftmax', [x], base, { axis: channelAxis });
    case 'elu':
      return builder.op('Elu', [x], base, { alpha: { float: 1 } });
    case 'leakyRelu':
      return builder.op('LeakyRelu', [x], base, { alpha: { float: 0.01 } });
    case 'hardSigmoid':
      return builder.op('HardSigmoid', [x], base, { alpha: { float: 0.2 }, beta: { float: 0.5 } });
    case 'softplus':
      return builder.op('Softplus', [x], base);
    case 'selu':
      return builder.op('Selu', [x], base, { alpha: { float: selu.alpha }, gamma: { float: selu.gamma } });
    case 'silu':
    case 'swish':
      return builder.op('Mul', [x, builder.op('Sigmoid', [x], `${base}/sigmoid`)], base);
    case 'gelu': {
      // 0.5 x (1 + erf(x / sqrt 2)), the exact form core computes.
      const scaled = builder.op('Mul', [x, builder.floats(`${base}/sqrt1_2`, [], [Math.SQRT1_2])], `${base}/scaled`);
      const erf = builder.op('Erf', [scaled], `${base}/erf`);
      const onePlus = builder.op('Add', [erf, builder.floats(`${base}/one`, [], [1])], `${base}/one_plus`);
      const half = builder.op('Mul', [x, builder.floats(`${base}/half`, [], [0.5])], `${base}/half_x`);
      return builder.op('Mul', [half, onePlus], base);
    }
    default:
      return refuse(layer, `uses the activation '${name}', which has no ONNX form here (a built-in name is needed)`);
  }
}
