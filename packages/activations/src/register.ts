// Side-effect module: importing @baihua/activations registers every activation by name in
// @baihua/core's registry (declared in package.json "sideEffects").
import { registerActivation } from '@baihua/core';
import { elu } from './elu.js';
import { leakyRelu } from './leaky-relu.js';
import { linear } from './linear.js';
import { logSoftmax } from './log-softmax.js';
import { relu } from './relu.js';
import { sigmoid } from './sigmoid.js';
import { softmax } from './softmax.js';
import { tanh } from './tanh.js';

/**
 * The names this package registers in core's activation registry, each bound to its function at
 * default options (leakyRelu alpha 0.01, elu alpha 1, softmax and logSoftmax over the last axis).
 *
 * @example
 * activationNames.map((name) => getActivation(name)(x)); // every activation of x
 *
 * In plain words: the roll call of activations a layer can ask for by name.
 */
export const activationNames = [
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'softmax',
  'logSoftmax',
  'linear',
] as const;
export type ActivationName = (typeof activationNames)[number];

const byName = { sigmoid, tanh, relu, leakyRelu, elu, softmax, logSoftmax, linear } satisfies Record<
  ActivationName,
  unknown
>;

for (const name of activationNames) registerActivation(name, byName[name]);
