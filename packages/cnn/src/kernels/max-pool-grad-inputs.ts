import * as tf from '@tensorflow/tfjs-core';

/** The arguments tfjs passes to a MaxPoolGrad kernel. */
export interface MaxPoolGradArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}

/**
 * What both of our MaxPoolGrad kernels (wasm, webgpu) read from tfjs's arguments: dy, the forward
 * input and the pooling geometry (tfjs's own computePool2DInfo, so windows match the forward pass).
 */
export function maxPoolGradInputs(args: MaxPoolGradArgs): {
  dy: tf.TensorInfo;
  input: tf.TensorInfo;
  info: tf.backend_util.Conv2DInfo;
} {
  const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as tf.MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  return { dy, input, info };
}
