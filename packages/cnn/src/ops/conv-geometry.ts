import type * as tf from '@tensorflow/tfjs-core';
import { checkWindowFits, type ConvPadding } from './conv-checks.js';
import { convAxisGeometry } from './conv-output-size.js';

/** What tfjs's conv ops receive for one of our padding modes. */
export type TfjsPadding = 'valid' | 'same' | [[0, 0], [number, number], [number, number], [0, 0]];

/**
 * Checks that a kernel fits (in 'valid' mode) and translates our padding into tfjs's: 'valid' and
 * 'same' pass through (tfjs's 'same' is TensorFlow's), 'full' becomes explicit padding of
 * K - 1 = (k - 1) d + 1 - 1 on every side.
 */
export function tfjsConvPadding(
  functionName: string,
  input: tf.Tensor,
  kernel: readonly [number, number],
  strides: readonly [number, number],
  dilations: readonly [number, number],
  padding: ConvPadding,
): TfjsPadding {
  const effective: [number, number] = [(kernel[0] - 1) * dilations[0] + 1, (kernel[1] - 1) * dilations[1] + 1];
  const dilated =
    dilations[0] > 1 || dilations[1] > 1
      ? ` (kernel ${kernel[0]}x${kernel[1]}, dilations ${dilations[0]}x${dilations[1]})`
      : '';
  checkWindowFits(functionName, dilated ? 'effective kernel' : 'kernel', input, effective, padding, dilated);
  if (padding !== 'full') return padding;
  const rows = convAxisGeometry(input.shape[1] as number, kernel[0], {
    padding,
    stride: strides[0],
    dilation: dilations[0],
  });
  const cols = convAxisGeometry(input.shape[2] as number, kernel[1], {
    padding,
    stride: strides[1],
    dilation: dilations[1],
  });
  return [
    [0, 0],
    [rows.padBefore, rows.padAfter],
    [cols.padBefore, cols.padAfter],
    [0, 0],
  ];
}
