// @baihua/activations: the seed's activations, their analytic derivatives, a property table and
// gradient-retention measurement. Importing it registers every activation by name in
// @baihua/core's registry (./register.ts).
import './register.js';

export { sigmoid } from './sigmoid.js';
export { tanh } from './tanh.js';
export { relu } from './relu.js';
export { leakyRelu } from './leaky-relu.js';
export type { LeakyReluOptions } from './leaky-relu.js';
export { elu } from './elu.js';
export type { EluOptions } from './elu.js';
export { softmax } from './softmax.js';
export type { SoftmaxOptions } from './softmax.js';
export { logSoftmax } from './log-softmax.js';
export { linear } from './linear.js';
export { derivatives } from './derivatives.js';
export { softmaxJacobian, logSoftmaxJacobian } from './softmax-jacobian.js';
export { getActivation } from './get-activation.js';
export { activationNames } from './register.js';
export type { ActivationName } from './register.js';
export { activationProperties } from './activation-properties.js';
export type { ActivationProperty, DerivativeValues, Saturation, ValueRange } from './activation-properties.js';
export { gradientRetention } from './gradient-retention.js';
export type { GradientRetentionOptions, GradientRetentionResult, LayerRetention } from './gradient-retention.js';
