import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '@baihua/core';
import { type CheckGradientsOptions, checkGradients } from '@baihua/core/testing';

/**
 * core's `checkGradients` over `inputs` and every weight of `layer` (a cell or a sequence layer,
 * which owns its weights as variables). Autograd differentiates the variables themselves: they are
 * passed as inputs and `run` reads them through the layer. For a finite difference, the perturbed
 * copy is written into its variable for that one evaluation, then the original value goes back.
 *
 * @example
 * await checkCellGradients(cell, (xs, hs) => runSequence(cell, xs, { initialState: { hidden: hs } }).outputs, [x, h0]);
 *
 * In plain words: nudge each of the cell's own knobs and see that the output moves as the gradient says.
 */
export async function checkCellGradients(
  layer: Layer,
  run: (...inputs: tf.Tensor[]) => tf.Tensor,
  inputs: tf.Tensor[],
  options: CheckGradientsOptions = {},
): Promise<void> {
  const variables = layer.weights().map((w) => w.read());
  const originals = variables.map((v) => tf.clone(v));
  try {
    await checkGradients(
      (...all) => {
        const swapped = all.slice(inputs.length).map((value, k) => (value === variables[k] ? undefined : value));
        swapped.forEach((value, k) => value && variables[k]?.assign(value));
        try {
          return run(...all.slice(0, inputs.length));
        } finally {
          swapped.forEach((value, k) => value && variables[k]?.assign(originals[k] as tf.Tensor));
        }
      },
      [...inputs, ...variables],
      options,
    );
  } finally {
    tf.dispose(originals);
  }
}
