import type * as tf from '@tensorflow/tfjs-core';
import { type BackwardLayout, backwardStepSource, resetGradientSource } from './backward-shaders.js';
import type { ForwardLayout } from './forward-shaders.js';
import type { WebGpuCellPlan } from './webgpu-cell-plan.js';
import { type WebGpuStepBackend, dispatchStep, withWorkspace } from './webgpu-step-program.js';

/** The tensors of a backward run; `weightT` is the recurrent kernel laid out by unitVectors. */
export interface FusedBackwardInputs {
  /** The gradient of the packed forward value [batch, time + E, H]. */
  dv: tf.Tensor;
  /** The forward workspace. */
  ws: tf.Tensor;
  weightT: tf.Tensor;
  peephole?: tf.Tensor;
  keep?: tf.Tensor;
}

/**
 * Backpropagation through time: for k = time-1 .. 0 one dispatch (two for GRU with reset before)
 * forms the step's pre-activation gradients from the next step's (fusing dR_{k+1} U^T with the gate
 * derivatives), then one more writes the initial state's gradients. Weight gradients are left to
 * one matMul over all steps by the caller. Returns the workspace laid out as `layout`.
 * @example
 * const grads = runFusedBackward(backend, plan, forward, backward, { dv, ws, weightT }, false);
 * In plain words: walk the relay backwards once, handing each runner its share of the blame.
 */
export function runFusedBackward(
  backend: WebGpuStepBackend,
  plan: WebGpuCellPlan,
  forward: ForwardLayout,
  layout: BackwardLayout,
  given: FusedBackwardInputs,
  reverse: boolean,
): tf.Tensor1D {
  const masked = given.keep !== undefined;
  const present = [
    ['dv', given.dv],
    ['ws', given.ws],
    ['weightT', given.weightT],
    ['peep', plan.family === 'peephole' ? given.peephole : undefined],
    ['keep', given.keep],
  ].filter((entry): entry is [string, tf.Tensor] => entry[1] !== undefined);
  const names = present.map(([name]) => name);
  const step = {
    key: `${plan.key}_${masked ? 'masked' : 'all'}_backward`,
    names,
    components: names.map((name) => (name === 'weightT' ? 4 : 1)),
    body: backwardStepSource(plan, masked),
  };
  const reset = {
    key: `${plan.key}_reset_backward`,
    names: ['ws', 'weightT'],
    components: [1, 4],
    body: resetGradientSource(plan),
  };
  const { batch, hidden, time, oH, oC, oS } = forward;
  const threads = batch * hidden;
  const { oA, oDR, oDH, oDC, oRR, oG0, oGC0 } = layout;
  const uniforms = (k: number) => ({
    batch,
    hidden,
    time,
    step: k,
    t: reverse ? time - 1 - k : k,
    oH,
    oC,
    oS,
    oA,
    oDR,
    oDH,
    oDC,
    oRR,
    oG0,
    oGC0,
  });
  const stepInputs = present.map(([, tensor]) => tensor);
  return withWorkspace(backend, layout.size, (workspace) => {
    for (let k = time - 1; k >= -1; k--) {
      dispatchStep(backend, step, stepInputs, workspace, threads, uniforms(k));
      if (k >= 0 && plan.family === 'gru-before')
        dispatchStep(backend, reset, [given.ws, given.weightT], workspace, threads, uniforms(k));
    }
  });
}
