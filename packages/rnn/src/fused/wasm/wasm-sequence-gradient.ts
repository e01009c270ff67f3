import * as tf from '@tensorflow/tfjs-core';
import { heapRows } from './packed-views.js';
import type { WasmCellPlan } from './wasm-cell-plan.js';
import { runWasmBackward } from './wasm-backward.js';
import type { WasmForwardResult } from './wasm-forward.js';
import { type WasmSequenceInputs, recordingGradients, wasmSequenceForward } from './wasm-sequence-forward.js';
import type { SequenceHeapBackend } from './wasm-sequence-heap.js';

type Name = keyof WasmSequenceInputs;
const order: Name[] = ['x', 'kernel', 'bias', 'initH', 'initC', 'recurrent', 'recurrentBias', 'peephole'];

/** x^T-style product without BatchMatMul's slow transposed path: a^T b as transpose then matMul. */
const transposedTimes = (a: tf.Tensor2D, b: tf.Tensor2D) => tf.matMul(tf.transpose(a), b);

/**
 * The input-side and recurrent weight gradients when one step-ordered dA [T·B, G·H] serves both
 * (every cell but GRU): dW and dU as one matMul [x_k | h_{k-1}]^T dA (dA packed once), and
 * dx = dA W^T put back into input order [B, T, I].
 */
function stepOrderGradients(x: tf.Tensor, kernel: tf.Tensor, previous: tf.Tensor2D, dA: tf.Tensor2D, reverse: boolean) {
  const [B, T, I] = x.shape as [number, number, number];
  const H = previous.shape[1];
  const GH = dA.shape[1];
  const byStep = (t: tf.Tensor) => (reverse ? tf.reverse(t, 0) : t);
  const inputs = tf.reshape(byStep(tf.transpose(x, [1, 0, 2])), [T * B, I]);
  const product = transposedTimes(tf.concat([inputs, previous], 1) as tf.Tensor2D, dA);
  const dx = byStep(tf.reshape(tf.matMul(dA, tf.transpose(kernel)), [T, B, I]));
  return {
    x: tf.transpose(dx, [1, 0, 2]),
    kernel: tf.slice(product, [0, 0], [I, GH]),
    recurrent: tf.slice(product, [I, 0], [H, GH]),
  };
}

/**
 * The fused run as one differentiable function (tf.customGrad): the input projection for all
 * steps as one matMul in step order (recurrent bias folded in where it is additive, the LSTM
 * family's candidate block doubled: see doubledCandidate), the forward time loop on
 * the heap, and as gradient the fused BPTT followed by the weight gradients as whole-sequence
 * matMuls: dx = dP W^T, dW = x^T dP, db = Σ dP, dU = Σ_k h_{k-1}^T dR_k (one matMul over all
 * steps), db_rec = Σ dR, the peepholes from the BPTT's sums. Returns the packed value
 * [B, T+E, H]: outputs, then the final hidden (and cell) state.
 * @example
 * const packed = wasmSequenceValue(backend, plan, { x, kernel, bias, initH, initC, recurrent }, keep, false);
 * Outside gradient recording (inference) it runs the forward alone, keeping nothing for backward.
 * In plain words: one call forward, one call back, and tf.grad sees a single step.
 */
export function wasmSequenceValue(
  backend: SequenceHeapBackend,
  plan: WasmCellPlan,
  inputs: WasmSequenceInputs,
  keep: tf.Tensor | undefined,
  reverse: boolean,
): tf.Tensor {
  const names = order.filter((name) => inputs[name] !== undefined);
  const [B, T, I] = inputs.x.shape as [number, number, number];
  const H = inputs.initH.shape[1] as number;
  const GH = plan.gates * H;
  const gruBefore = plan.family === 'gru-before';
  if (!recordingGradients())
    return tf.tidy(() => wasmSequenceForward(backend, plan, inputs, keep, reverse, false).forward.packed);
  const run = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const save = args.pop() as tf.GradSaveFunc;
    const given = Object.fromEntries(
      names.map((name, i) => [name, args[i] as tf.Tensor]),
    ) as unknown as WasmSequenceInputs;
    const { forward, split } = wasmSequenceForward(backend, plan, given, keep, reverse, true);
    const kept = [forward.hs, forward.acts, forward.cs, forward.rh, keep].map((t) => t ?? tf.zeros([0]));
    save([given.x, given.kernel, ...split, ...(given.peephole ? [given.peephole] : []), ...kept]);
    const gradFunc = (dv: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [x, kernel, ...rest] = saved as [tf.Tensor, tf.Tensor, ...tf.Tensor[]];
      const weights = rest.splice(0, split.length);
      const peephole = given.peephole === undefined ? undefined : rest.shift();
      const [hs, acts, cs, rh, savedKeep] = rest as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
      const present = (t: tf.Tensor) => (t.size === 0 ? undefined : t);
      const state: WasmForwardResult = { packed: hs, hs, acts, cs: present(cs), rh: present(rh) };
      const back = runWasmBackward(
        backend,
        plan,
        [B, T, H],
        {
          dv: dv as tf.Tensor,
          saved: state,
          weightT: tf.transpose(weights[0] as tf.Tensor),
          candidateT: weights[1] === undefined ? undefined : tf.transpose(weights[1]),
          peephole,
          keep: keep === undefined ? undefined : savedKeep,
        },
        reverse,
      );
      const dR = tf.reshape(back.dR, [T * B, GH]) as tf.Tensor2D;
      const steps = { rows: 1, length: T * B * H, start: 0, stride: 0 };
      const previous = heapRows(backend, hs, [T * B, H], steps) as tf.Tensor2D;
      const shared = back.dP === undefined ? stepOrderGradients(x, kernel, previous, dR, reverse) : undefined;
      const dP = back.dP === undefined ? undefined : (tf.reshape(back.dP, [B * T, GH]) as tf.Tensor2D);
      const recurrent = gruBefore
        ? tf.concat(
            [
              transposedTimes(previous, tf.slice(dR, [0, 0], [T * B, 2 * H])),
              transposedTimes(tf.reshape(rh, [T * B, H]) as tf.Tensor2D, tf.slice(dR, [0, 2 * H], [T * B, H])),
            ],
            1,
          )
        : (shared?.recurrent ?? transposedTimes(previous, dR));
      const byInput = dP ?? dR;
      const grads: Record<Name, tf.Tensor | undefined> = {
        x: shared?.x ?? tf.reshape(tf.matMul(byInput, tf.transpose(kernel as tf.Tensor2D)), [B, T, I]),
        kernel: shared?.kernel ?? transposedTimes(tf.reshape(x, [B * T, I]) as tf.Tensor2D, byInput),
        bias: tf.sum(byInput, 0),
        initH: back.initH,
        initC: back.initC,
        recurrent,
        recurrentBias: plan.family === 'gru-after' ? tf.sum(dR, 0) : tf.sum(byInput, 0),
        peephole: back.peephole === undefined ? undefined : tf.tensor2d(Float32Array.from(back.peephole), [3, H]),
      };
      return names.map((name) => grads[name] as tf.Tensor);
    };
    return { value: forward.packed, gradFunc };
  });
  return run(...names.map((name) => inputs[name] as tf.Tensor));
}
