import * as tf from '@tensorflow/tfjs-core';
import { doubledCandidate } from './doubled-candidate.js';
import type { WasmCellPlan } from './wasm-cell-plan.js';
import { type WasmForwardResult, runWasmForward } from './wasm-forward.js';
import type { SequenceHeapBackend } from './wasm-sequence-heap.js';

/** The differentiable inputs of one fused run, keras layout; absent ones are left out. */
export interface WasmSequenceInputs {
  x: tf.Tensor;
  kernel: tf.Tensor;
  bias?: tf.Tensor;
  initH: tf.Tensor;
  initC?: tf.Tensor;
  recurrent: tf.Tensor;
  recurrentBias?: tf.Tensor;
  peephole?: tf.Tensor;
}

/**
 * Whether tfjs is recording operations for a gradient now (inside tf.grad, variableGrads, fit's
 * minimize): the engine's own test. If a future tfjs hides it, assume it is, which keeps the
 * values backward needs (always correct, only slower).
 * @example
 * recordingGradients(); // false in predict, true inside tf.grad
 * In plain words: is anyone going to ask for a gradient of what runs now?
 */
export function recordingGradients(): boolean {
  const engine = tf.engine() as unknown as { isTapeOn?: () => boolean };
  return typeof engine.isTapeOn === 'function' ? engine.isTapeOn() : true;
}

/**
 * The forward half of a fused run: the input projection for all steps as one matMul in step
 * order (recurrent bias folded in where it is additive, the LSTM family's candidate block
 * doubled: see doubledCandidate), then the time loop on the heap. `keepForBackward: false`
 * (inference) saves each step's gate values into one reused step-sized slot instead of [T, ...].
 * Returns the forward result and the recurrent weight as the loop used it (GRU with reset before:
 * split into [H, 2H] and [H, H]).
 * @example
 * const { forward } = wasmSequenceForward(backend, plan, inputs, keep, false, true);
 * In plain words: the relay itself, with or without notes for the way back.
 */
export function wasmSequenceForward(
  backend: SequenceHeapBackend,
  plan: WasmCellPlan,
  given: WasmSequenceInputs,
  keep: tf.Tensor | undefined,
  reverse: boolean,
  keepForBackward: boolean,
): { forward: WasmForwardResult; split: tf.Tensor[] } {
  const [B, T, I] = given.x.shape as [number, number, number];
  const H = given.initH.shape[1] as number;
  const stepMajor = tf.reshape(tf.transpose(given.x, [1, 0, 2]), [T * B, I]) as tf.Tensor2D;
  const additiveBias =
    given.recurrentBias !== undefined && plan.family !== 'gru-after'
      ? given.bias === undefined
        ? given.recurrentBias
        : tf.add(given.bias, given.recurrentBias)
      : given.bias;
  const doubled = (weight: tf.Tensor) => doubledCandidate(plan, weight, H);
  const projected = tf.fused.matMul({
    a: stepMajor,
    b: doubled(given.kernel) as tf.Tensor2D,
    bias: additiveBias === undefined ? undefined : doubled(additiveBias),
  });
  const split =
    plan.family === 'gru-before'
      ? [tf.slice(given.recurrent, [0, 0], [H, 2 * H]), tf.slice(given.recurrent, [0, 2 * H], [H, H])]
      : [given.recurrent];
  const forward = runWasmForward(
    backend,
    plan,
    [B, T, H],
    {
      projected,
      weight: doubled(split[0] as tf.Tensor),
      candidate: split[1],
      initH: given.initH,
      initC: given.initC,
      recurrentBias: given.recurrentBias,
      peephole: given.peephole,
      keep,
    },
    reverse,
    keepForBackward,
  );
  return { forward, split };
}
