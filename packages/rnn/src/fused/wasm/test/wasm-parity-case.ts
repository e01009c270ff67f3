import * as tf from '@tensorflow/tfjs-core';
import { expectTensorsClose } from '@baihua/core/testing';
import { expect } from 'vitest';
import type { GatedCell } from '../../../cells/gated-cell.js';
import type { RecurrentState } from '../../../cells/recurrent-cell.js';
import { runSequence } from '../../../sequence/run-sequence.js';
import type { RunSequenceOptions } from '../../../sequence/sequence-types.js';
import { fusedSequenceRunnerFor, setFusedSequences } from '../../fused-sequence-registry.js';

/** A parity case: a cell, x's shape [batch, time, features], and the options (mask as 0/1 rows). */
export interface WasmParityCase {
  cell: GatedCell<RecurrentState>;
  shape: [number, number, number];
  mask?: number[][];
  reverse?: boolean;
  returnSequences?: boolean;
  initialState?: boolean;
  seed?: number;
}

/** The loss (every output and final state weighted at random) and its gradients on one path. */
function lossAndGradients(given: WasmParityCase, fused: boolean) {
  const before = setFusedSequences(fused);
  const seed = given.seed ?? 7;
  try {
    return tf.tidy(() => {
      const [batch, time, features] = given.shape;
      const inputs: Record<string, tf.Variable> = {
        x: tf.variable(tf.randomNormal([batch, time, features], 0, 1, 'float32', seed)),
      };
      if (given.initialState) {
        for (const [i, name] of given.cell.stateNames.entries())
          inputs[name] = tf.variable(tf.randomNormal([batch, given.cell.hiddenSize], 0, 1, 'float32', seed + 1 + i));
      }
      const { x, ...state } = inputs as { x: tf.Variable };
      const options: RunSequenceOptions<RecurrentState> = {
        mask: given.mask === undefined ? undefined : tf.tensor2d(given.mask, undefined, 'bool'),
        reverse: given.reverse,
        returnSequences: given.returnSequences,
        initialState: given.initialState ? (state as unknown as RecurrentState) : undefined,
      };
      const runner = fusedSequenceRunnerFor(given.cell as never, x, options)?.name ?? 'op-by-op';
      const named = [...Object.entries(given.cell.weightVariables()), ...Object.entries(inputs)];
      const { value, grads } = tf.variableGrads(
        () => {
          const result = runSequence(given.cell, x, options);
          const parts = [result.outputs, ...Object.values(result.finalState as unknown as Record<string, tf.Tensor>)];
          const terms = parts.map((part, i) =>
            tf.sum(tf.mul(part, tf.randomUniform(part.shape, -1, 1, 'float32', 99 + i))),
          );
          return tf.addN(terms) as tf.Scalar;
        },
        named.map(([, variable]) => variable),
      );
      const byName = Object.fromEntries(named.map(([name, variable]) => [name, grads[variable.name] as tf.Tensor]));
      for (const variable of Object.values(inputs)) variable.dispose();
      return { value, grads: byName, runner: runner as unknown as tf.Tensor };
    });
  } finally {
    setFusedSequences(before);
  }
}

/**
 * Runs the case on the fused path and on the op-by-op reference (setFusedSequences(false)) on the
 * same backend; checks the loss and the gradients of x, the initial state and every weight agree
 * within `tolerance`. Returns the name of the runner the fused side took.
 * @example
 * expect(await expectWasmFusedMatchesReference({ cell, shape: [2, 3, 3] })).toBe('wasm-fused-sequence');
 * In plain words: the fast road and the scenic one must arrive at the same place.
 */
export async function expectWasmFusedMatchesReference(
  given: WasmParityCase,
  tolerance = { rtol: 1e-4, atol: 1e-5 },
): Promise<string> {
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
  return fused.runner as unknown as string;
}
