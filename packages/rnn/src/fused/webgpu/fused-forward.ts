import type * as tf from '@tensorflow/tfjs-core';
import {
  type ForwardLayout,
  combine,
  forwardSource,
  preactivationOf,
  prelude,
  recurrentProduct,
  tail,
} from './forward-shaders.js';
import { type OneDispatchPlan, gateVectorStepSource, gateVectors } from './gate-vector-step-shader.js';
import { type FusedTiling, fusedTiling } from './adapter-tiling.js';
import type { WebGpuCellPlan } from './webgpu-cell-plan.js';
import { type WebGpuStepBackend, dispatchStep, withWorkspace } from './webgpu-step-program.js';

/** The tensors of a forward run; `weight` is the recurrent kernel in keras layout [H, G·H]. */
export interface FusedForwardInputs {
  /** x W + b for every step, [batch, time, G·H]. */
  projected: tf.Tensor;
  weight: tf.Tensor;
  initH: tf.Tensor;
  initC?: tf.Tensor;
  recurrentBias?: tf.Tensor;
  peephole?: tf.Tensor;
  /** float32 [batch, time], 1 where a step is real. */
  keep?: tf.Tensor;
}

type Shader = {
  key: string;
  names: string[];
  body: string;
  inputs: tf.Tensor[];
  components?: number[];
  /** The step's block per thread (default one row, one unit). */
  tiling?: { rows: number; units: number };
};

function shaders(plan: WebGpuCellPlan, given: FusedForwardInputs, tiling: FusedTiling): Shader[] {
  const masked = given.keep !== undefined;
  const key = `${plan.key}_${masked ? 'masked' : 'all'}`;
  const read: [string, tf.Tensor | undefined][] = [
    ['proj', given.projected],
    ['weight', given.weight],
    ['rbias', given.recurrentBias],
  ];
  const named = (extra: [string, tf.Tensor | undefined][]) => {
    const present = [...read, ...extra].filter((entry): entry is [string, tf.Tensor] => entry[1] !== undefined);
    return { names: present.map(([name]) => name), inputs: present.map(([, tensor]) => tensor) };
  };
  const S = plan.slots;
  const common = `
    let hRow = uniforms.oH + k * BH + b * H;
    let p = (b * T + t) * GH + j;
    let hp = result[hRow + j];
    ${plan.hasCell ? 'let cp = result[uniforms.oC + k * BH + index];' : ''}
    let sv = uniforms.oS + (k * B + b) * ${S} * H + j;`;
  const init = {
    key: `${plan.key}_init`,
    names: plan.hasCell ? ['initH', 'initC'] : ['initH'],
    inputs: plan.hasCell ? [given.initH, given.initC as tf.Tensor] : [given.initH],
    body: forwardSource(
      plan,
      `${prelude(plan.gates)}
      result[uniforms.oH + index] = initH[index];
      ${plan.hasCell ? 'result[uniforms.oC + index] = initC[index];' : ''}`,
    ),
  };
  if (plan.family !== 'gru-before') {
    const extra: [string, tf.Tensor | undefined][] = [
      ['peep', plan.family === 'peephole' ? given.peephole : undefined],
      ['keep', given.keep],
    ];
    const step = named(extra);
    step.inputs[1] = gateVectors(given.weight, plan.gates);
    const components = step.names.map((name) => (name === 'weight' && plan.gates > 1 ? 4 : 1));
    const { rows, units } = tiling;
    const body = gateVectorStepSource(plan as OneDispatchPlan, masked, { rows, units });
    const shader = { key: `${key}_step_${rows}x${units}`, ...step, components, tiling: { rows, units }, body };
    return [init, shader];
  }
  const reset = `${prelude(3)}
    ${common}
    ${recurrentProduct('hRow', 2)}
    ${preactivationOf(plan, 0)} ${preactivationOf(plan, 1)}
    result[uniforms.oR + k * BH + index] = gateOf(a${plan.resetBlock}) * hp;
    result[sv] = a0; result[sv + H] = a1;`;
  const candidate = `${prelude(3)}
    let rRow = uniforms.oR + k * BH + b * H;
    ${common}
    ${recurrentProduct('rRow', 1, 2)}
    ${preactivationOf(plan, 2)}
    let gz = gateOf(result[sv + ${plan.updateBlock} * H]);
    let gn = tanhOf(a2);
    ${combine(plan)}
    ${tail(plan, masked)}
    result[sv + 2 * H] = a2;`;
  return [
    init,
    { key: `${key}_reset`, ...named([]), body: forwardSource(plan, reset) },
    { key: `${key}_candidate`, ...named([['keep', given.keep]]), body: forwardSource(plan, candidate) },
  ];
}

/**
 * The forward pass: one dispatch copies the initial state into the workspace, then each step is one
 * dispatch (two for GRU with reset before) that computes the recurrent product h_{k-1} U for its
 * unit, the gate arithmetic, the new state, the output and the values backward needs (one thread per
 * (row, unit) on GPUs, a block of them on software adapters: see adapter-tiling.ts).
 * Returns the workspace laid out as `layout` (see {@link ForwardLayout}).
 * @example
 * const workspace = runFusedForward(backend, plan, layout, { projected, weight, initH, initC }, false);
 * In plain words: the whole relay, one GPU beat per runner.
 */
export function runFusedForward(
  backend: WebGpuStepBackend,
  plan: WebGpuCellPlan,
  layout: ForwardLayout,
  given: FusedForwardInputs,
  reverse: boolean,
): tf.Tensor1D {
  const [init, ...steps] = shaders(plan, given, fusedTiling(backend));
  const { batch, hidden, time } = layout;
  const threads = batch * hidden;
  const { oY, oH, oC, oS, oR } = layout;
  const uniforms = (k: number) => ({ batch, hidden, time, step: k, t: reverse ? time - 1 - k : k, oY, oH, oC, oS, oR });
  return withWorkspace(backend, layout.size, (workspace) => {
    dispatchStep(backend, init as Shader, init?.inputs ?? [], workspace, threads, uniforms(0));
    const threadsOf = ({ rows, units } = { rows: 1, units: 1 }) => Math.ceil(batch / rows) * Math.ceil(hidden / units);
    const dispatches = steps.map((shader) => ({ shader, threads: threadsOf(shader.tiling) }));
    for (let k = 0; k < time; k++)
      for (const { shader, threads: blocks } of dispatches)
        dispatchStep(backend, shader, shader.inputs, workspace, blocks, uniforms(k));
  });
}
