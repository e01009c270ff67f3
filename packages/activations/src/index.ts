// @baihua/activations: the seed's analytic derivatives, its property table and gradient-retention
// measurement. The activations themselves are built into @baihua/core (by name too, with core
// alone); they are re-exported here so that `import { relu } from '@baihua/activations'` keeps working.
// Importing this package registers nothing.
export {
  elu,
  gelu,
  getActivation,
  hardSigmoid,
  leakyRelu,
  linear,
  logSoftmax,
  relu,
  selu,
  sigmoid,
  silu,
  softmax,
  softplus,
  tanh,
} from '@baihua/core';
export type { EluOptions, LeakyReluOptions, SoftmaxOptions } from '@baihua/core';
export { derivatives } from './derivatives.js';
export { softmaxJacobian, logSoftmaxJacobian } from './softmax-jacobian.js';
export { activationNames } from './activation-names.js';
export type { ActivationName } from './activation-names.js';
export { activationProperties } from './activation-properties.js';
export type { ActivationProperty, DerivativeValues, Saturation, ValueRange } from './activation-properties.js';
export { gradientRetention } from './gradient-retention.js';
export type { GradientRetentionOptions, GradientRetentionResult, LayerRetention } from './gradient-retention.js';
