import type { Activation } from '../registry/activation-registry.js';
import { elu } from './elu.js';
import { gelu } from './gelu.js';
import { hardSigmoid } from './hard-sigmoid.js';
import { leakyRelu } from './leaky-relu.js';
import { linear } from './linear.js';
import { logSoftmax } from './log-softmax.js';
import { relu } from './relu.js';
import { selu } from './selu.js';
import { sigmoid } from './sigmoid.js';
import { silu } from './silu.js';
import { softmax } from './softmax.js';
import { softplus } from './softplus.js';
import { tanh } from './tanh.js';

/**
 * The activations every program has by name with @baihua/core alone, each at its default options
 * (leakyRelu alpha 0.01, elu alpha 1, softmax and logSoftmax over the last axis). 'swish' is another
 * name of silu; a saved model names silu 'silu'. The names are tfjs-layers' where it has them
 * ('hardSigmoid', 'swish'); a Keras spelling such as 'hard_sigmoid' gets a did-you-mean.
 * Internal: the registry starts from this table; users resolve names with `getActivation`.
 *
 * @example
 * Object.keys(builtInActivations); // ['linear', 'sigmoid', ..., 'selu']
 *
 * In plain words: the activations that come in the box.
 */
export const builtInActivations: Readonly<Record<string, Activation>> = Object.freeze({
  linear,
  sigmoid,
  tanh,
  relu,
  leakyRelu,
  elu,
  softmax,
  logSoftmax,
  hardSigmoid,
  gelu,
  silu,
  swish: silu,
  softplus,
  selu,
});
