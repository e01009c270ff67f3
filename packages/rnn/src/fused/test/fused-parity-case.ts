import * as tf from '@tensorflow/tfjs-core';
import { expectTensorsClose } from '@baihua/core/testing';
import { expect } from 'vitest';
import type { GatedCell } from '../../cells/gated-cell.js';
import type { RecurrentState } from '../../cells/recurrent-cell.js';
import { runSequence } from '../../sequence/run-sequence.js';
import type { RunSequenceOptions } from '../../sequence/sequence-types.js';
import { fusedSequenceRunnerFor, setFusedSequences } from '../fused-sequence-registry.js';

/** A parity case: a cell, x's shape, and the options beyond the input (mask as 0/1 rows). */
export interface ParityCase {
  cell: GatedCell<RecurrentState>;
  shape: [number, number, number];
  mask?: number[][];
  reverse?: boolean;
  returnSequences?: boolean;
  initialState?: boolean;
  /** Seed of x, the initial state and the loss weights (default 7). */
  seed?: number;
}

/** The state variables of `inputs` (all but x). */
function stateOf(inputs: Record<string, tf.Variable>): Record<string, tf.Variable> {
  return Object.fromEntries(Object.entries(inputs).filter(([name]) => name !== 'x'));
}

/** Loss value and gradients for x, the initial state and every cell weight, on one path. */
function lossAndGradients(given: ParityCase, on: boolean) {
  const seed = given.seed ?? 7;
  const before = setFusedSequences(on);
  try {
    return tf.tidy(() => {
      const [batch, time, features] = given.shape;
      const hidden = given.cell.hiddenSize;
      const inputs: Record<string, tf.Variable> = {
        x: tf.variable(tf.randomNormal([batch, time, features], 0, 1, 'float32', seed)),
      };
      if (given.initialState) {
        for (const [i, name] of given.cell.stateNames.entries())
          inputs[name] = tf.variable(tf.randomNormal([batch, hidden], 0, 1, 'float32', seed + 1 + i));
      }
      const mask = given.mask === undefined ? undefined : tf.tensor2d(given.mask, undefined, 'bool');
      const options: RunSequenceOptions<RecurrentState> = {
        mask,
        reverse: given.reverse,
        returnSequences: given.returnSequences,
        initialState: given.initialState ? (stateOf(inputs) as unknown as RecurrentState) : undefined,
      };
      const x = inputs.x as tf.Variable;
      const runner = fusedSequenceRunnerFor(given.cell as never, x, options)?.name;
      const named = [...Object.entries(given.cell.weightVariables()), ...Object.entries(inputs)];
      const { value, grads: byVariable } = tf.variableGrads(
        () => {
          const result = runSequence(given.cell, x, options);
          const parts = [result.outputs, ...Object.values(result.finalState as unknown as Record<string, tf.Tensor>)];
          // A different random weight per element, so every output reaches the loss on its own.
          const terms = parts.map((part, i) =>
            tf.sum(tf.mul(part, tf.randomUniform(part.shape, -1, 1, 'float32', 99 + i))),
          );
          return tf.addN(terms) as tf.Scalar;
        },
        named.map(([, variable]) => variable),
      );
      const grads = Object.fromEntries(named.map(([name, variable]) => [name, byVariable[variable.name] as tf.Tensor]));
      for (const variable of Object.values(inputs)) variable.dispose();
      return { value, grads, runner: runner as unknown as tf.Tensor };
    });
  } finally {
    setFusedSequences(before);
  }
}

/**
 * Runs the case on the fused path and on the op-by-op reference path (setFusedSequences(false))
 * and checks the loss and every gradient (x, initial state, all weights) agree within rtol/atol;
 * returns the fused runner's name (undefined when the reference path was taken). Default tolerance:
 * rtol 1e-4, atol 1e-5; on webgpu 2e-4 and 2e-5 (its float32 sums run in a different order).
 * @example
 * expect(await expectFusedMatchesReference({ cell, shape: [2, 3, 3] })).toBe('webgpu-fused-sequence');
 * In plain words: the fast road and the scenic road must arrive at the same place.
 */
export async function expectFusedMatchesReference(
  given: ParityCase,
  tolerance = tf.getBackend() === 'webgpu' ? { rtol: 2e-4, atol: 2e-5 } : { rtol: 1e-4, atol: 1e-5 },
): Promise<string | undefined> {
  const fused = lossAndGradients(given, true);
  const reference = lossAndGradients(given, false);
  try {
    await expectTensorsClose(fused.value, reference.value, tolerance);
    expect(Object.keys(fused.grads).sort()).toEqual(Object.keys(reference.grads).sort());
    for (const [name, grad] of Object.entries(reference.grads)) {
      try {
        await expectTensorsClose(fused.grads[name] as tf.Tensor, grad, tolerance);
      } catch (error) {
        throw new Error(`gradient of ${name}: ${(error as Error).message}`);
      }
    }
  } finally {
    tf.dispose([fused.value, reference.value, fused.grads, reference.grads] as never);
  }
  return fused.runner as unknown as string | undefined;
}
