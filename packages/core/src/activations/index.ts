// The built-in activations: one implementation of each, registered by name in core's activation
// registry from the start (see registry/activation-registry.ts).
export { linear } from './linear.js';
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
export { hardSigmoid } from './hard-sigmoid.js';
export { gelu } from './gelu.js';
export { silu } from './silu.js';
export { softplus } from './softplus.js';
export { selu } from './selu.js';
export { assertActivationInput, readActivationAlpha } from './activation-input.js';
