import { getGradient, registerGradient } from '@tensorflow/tfjs-core';
import { tfjsGradientConfigs } from './tfjs-gradient-configs.js';

const doneKey = Symbol.for('baihua.tfjsGradientsRegistered');

/**
 * Registers every gradient config tfjs-core ships, against the one tfjs-core instance the user
 * has, skipping any kernel that already has a gradient (the umbrella `@tensorflow/tfjs` package
 * registers them too). Safe to call any number of times; returns how many it added.
 *
 * Why: tfjs-core's Node bundle (dist/tf-core.node.js) and its ESM index register no gradients,
 * so `tf.grad` fails with "gradient function not found" unless something else registers them.
 * The configs live in tfjs-core's dist/gradients as an ESM tree Node cannot load directly; tsup
 * bundles them into our dist at build time, with the bare '@tensorflow/tfjs-core' kept external.
 */
export function registerTfjsGradients(): number {
  const state = globalThis as { [doneKey]?: boolean };
  if (state[doneKey]) return 0;
  let added = 0;
  for (const config of tfjsGradientConfigs) {
    if (getGradient(config.kernelName) === undefined) {
      registerGradient(config);
      added += 1;
    }
  }
  state[doneKey] = true;
  return added;
}
