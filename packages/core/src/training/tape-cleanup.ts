import * as tf from '@tensorflow/tfjs-core';

// The part of tfjs-core's engine state (4.22, engine.ts) that a failed gradient computation leaves behind.
interface TapeState {
  gradientDepth: number;
  activeTape: { saved?: tf.Tensor[] }[] | null;
}

/**
 * Runs `compute` (a tf.variableGrads / tf.grads call) and, if it throws, frees what tfjs keeps for
 * the backward pass. While recording, tfjs clones every tensor a gradient will need and marks the
 * clone `kept`, so no tf.tidy frees it; `engine.gradients` disposes them after the backward pass,
 * and a forward pass that throws (a loss that rejects its labels, a shape error) never gets there:
 * each failed call leaked those clones (10 tensors for a two-layer MLP). Here they are disposed
 * and the tape dropped, as tfjs does on success. Only the outermost gradient owns the tape.
 *
 * @example const { value, grads } = withTapeCleanup(() => tf.variableGrads(f, variables));
 * In plain words: if the lesson is interrupted, clear the blackboard anyway.
 */
export function withTapeCleanup<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    const state = (tf.engine() as unknown as { state: TapeState }).state;
    if (state.gradientDepth === 0 && Array.isArray(state.activeTape)) {
      for (const node of state.activeTape) for (const tensor of node.saved ?? []) tensor.dispose();
      state.activeTape = null;
    }
    throw error;
  }
}
