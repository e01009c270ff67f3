import * as tf from '@tensorflow/tfjs-core';
import type { LstmState, RecurrentCell, RecurrentState, WeightLayout } from '../../cells/recurrent-cell.js';
import type { RunSequenceOptions, SequenceResult } from '../../sequence/sequence-types.js';
import type { FusedSequenceRunner } from '../fused-sequence-registry.js';
import { backwardLayout, unitVectors } from './backward-shaders.js';
import { runFusedBackward } from './fused-backward.js';
import { runFusedForward } from './fused-forward.js';
import { fusedGradients } from './fused-gradients.js';
import { fusedTiling } from './adapter-tiling.js';
import { tiledProjection } from './tiled-mat-mul.js';
import { forwardLayout } from './forward-shaders.js';
import { type WebGpuCellPlan, planWebGpuCell } from './webgpu-cell-plan.js';
import { webgpuStepBackend, workspaceLimit } from './webgpu-step-program.js';

type WeightedCell = RecurrentCell & {
  weightLayout: WeightLayout;
  weightVariables(): Readonly<Record<string, tf.Variable>>;
};

/** The packed forward value [batch, time + E, H] (outputs, final hidden, final cell), differentiable. */
function packedSequence(
  cell: WeightedCell,
  plan: WebGpuCellPlan,
  x: tf.Tensor,
  options: RunSequenceOptions<RecurrentState>,
): tf.Tensor {
  const backend = webgpuStepBackend();
  if (backend === undefined) throw new Error('runSequence (webgpu fused): the backend is not tfjs-backend-webgpu');
  const [batch, time, features] = x.shape as [number, number, number];
  const hidden = cell.hiddenSize;
  const reverse = options.reverse ?? false;
  const weights = cell.weightVariables();
  const torch = cell.weightLayout === 'torch';
  const keras = (matrix: tf.Tensor) => (torch ? tf.transpose(matrix) : matrix) as tf.Tensor2D;
  const x2d = tf.reshape(x, [batch * time, features]) as tf.Tensor2D;
  const tiled = fusedTiling(backend).tiledProjection && (plan.gates * hidden) % 4 === 0;
  const projected = tf.reshape(
    tiled
      ? tiledProjection(backend, x2d, keras(weights.kernel as tf.Tensor), weights.bias as tf.Tensor1D | undefined)
      : cell.projectInput(x2d),
    [batch, time, plan.gates * hidden],
  );
  const weight = keras(weights.recurrentKernel as tf.Tensor);
  const state = options.initialState as Partial<LstmState> | undefined;
  const initH = state?.hidden ?? tf.zeros([batch, hidden]);
  const initC = plan.hasCell ? (state?.cell ?? tf.zeros([batch, hidden])) : undefined;
  const keep = options.mask === undefined ? undefined : tf.cast(options.mask, 'float32');
  const peephole = plan.family === 'peephole' ? weights.peepholeWeights : undefined;
  const named: [string, tf.Tensor | undefined][] = [
    ['projected', projected],
    ['initH', initH],
    ['initC', initC],
    ['weight', weight],
    ['recurrentBias', weights.recurrentBias],
    ['peephole', peephole],
  ];
  const present = named.filter((entry): entry is [string, tf.Tensor] => entry[1] !== undefined);
  const forward = forwardLayout(plan, batch, time, hidden);
  const backward = backwardLayout(plan, batch, time, hidden);
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args.pop() as tf.GradSaveFunc;
    const given = Object.fromEntries(present.map(([name], i) => [name, args[i] as tf.Tensor]));
    const ws = runFusedForward(
      backend,
      plan,
      forward,
      {
        projected: given.projected as tf.Tensor,
        weight: given.weight as tf.Tensor,
        initH: given.initH as tf.Tensor,
        initC: given.initC,
        recurrentBias: given.recurrentBias,
        peephole: given.peephole,
        keep,
      },
      reverse,
    );
    const extras = [given.peephole, keep].filter((t): t is tf.Tensor => t !== undefined);
    save([ws, given.weight as tf.Tensor, ...extras]);
    const value = tf.reshape(tf.slice(ws, [0], [batch * forward.rows * hidden]), [batch, forward.rows, hidden]);
    const gradFunc = (dv: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [savedWs, savedWeight] = saved as [tf.Tensor, tf.Tensor];
      const savedPeephole = peephole === undefined ? undefined : saved[2];
      const savedKeep = keep === undefined ? undefined : saved[saved.length - 1];
      const weightT = unitVectors(savedWeight);
      const inputs = { dv: dv as tf.Tensor, ws: savedWs, weightT, peephole: savedPeephole, keep: savedKeep };
      const bws = runFusedBackward(backend, plan, forward, backward, inputs, reverse);
      const grads = fusedGradients(plan, forward, backward, savedWs, bws, reverse) as unknown as Record<
        string,
        tf.Tensor
      >;
      return present.map(([name]) => grads[name] as tf.Tensor);
    };
    return { value, gradFunc };
  });
  return run(...present.map(([, tensor]) => tensor));
}

/**
 * The WebGPU fused sequence runner: the input projection for all steps as one matMul, then one WGSL
 * dispatch per step (two for GRU with reset before) fusing the recurrent product with the gate
 * arithmetic; backward (a tf.customGrad around the forward, so tf.grad, variableGrads, fit and every
 * layer use it) runs BPTT as one dispatch per step and the weight gradients as one matMul over all
 * steps. Handles LSTM, diagonal peephole and coupled LSTM, GRU (both reset forms) and Elman
 * (tanh, relu), with masks, reverse, initial states and returnSequences false. A sequence whose
 * workspace would not fit one storage buffer of the device takes the op-by-op path.
 * Why tf.customGrad rather than registerKernel + registerGradient: the backward pass needs the
 * forward workspace (states, pre-activations, about 50 MB at T 100, B 64, H 256); customGrad's
 * `save` keeps it without making it a kernel output, whereas tfjs fills every output's missing
 * gradient with zeros built on the CPU, which for such an output would cost a 50 MB upload in every
 * training step.
 * It also needs no global kernel names, and x W + b stays tfjs's own matMul and its gradient (on
 * software adapters such as SwiftShader: tiledMatMul's forward, tfjs's gradient; see adapter-tiling.ts).
 * @example
 * registerFusedSequenceRunner('webgpu', webgpuSequenceRunner); // done when @baihua/rnn is imported
 * In plain words: the GPU road for a whole sequence, one beat per step.
 */
export const webgpuSequenceRunner: FusedSequenceRunner = {
  name: 'webgpu-fused-sequence',
  supports(cell, x, options) {
    const state = (options.initialState ?? {}) as Record<string, tf.Tensor | undefined>;
    const backend = webgpuStepBackend();
    const plan = planWebGpuCell(cell);
    if (backend === undefined || plan === undefined || x.dtype !== 'float32') return false;
    if (!cell.stateNames.every((name) => state[name] === undefined || state[name].dtype === 'float32')) return false;
    const [batch, time] = x.shape as [number, number, number];
    const sizes = [forwardLayout, backwardLayout].map((layout) => layout(plan, batch, time, cell.hiddenSize).size);
    return Math.max(...sizes) <= workspaceLimit(backend);
  },
  run(cell, x, options): SequenceResult<RecurrentState> {
    const plan = planWebGpuCell(cell);
    if (plan === undefined) throw new Error(`runSequence (webgpu fused): cell kind '${cell.kind}' is not handled`);
    const [batch, time] = x.shape as [number, number, number];
    const hidden = cell.hiddenSize;
    return tf.tidy(() => {
      const packed = packedSequence(cell as WeightedCell, plan, x, options);
      const row = (r: number) => tf.reshape(tf.slice(packed, [0, r, 0], [batch, 1, hidden]), [batch, hidden]);
      const finalState: Record<string, tf.Tensor> = { hidden: row(time) };
      if (plan.hasCell) finalState.cell = row(time + 1);
      const outputs =
        (options.returnSequences ?? true) ? tf.slice(packed, [0, 0, 0], [batch, time, hidden]) : row(time);
      return { outputs, finalState } as unknown as tf.TensorContainer;
    }) as unknown as SequenceResult<RecurrentState>;
  },
};
