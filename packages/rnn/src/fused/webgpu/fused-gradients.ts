import * as tf from '@tensorflow/tfjs-core';
import type { BackwardLayout } from './backward-shaders.js';
import type { ForwardLayout } from './forward-shaders.js';
import type { WebGpuCellPlan } from './webgpu-cell-plan.js';

/** Gradients of one fused run, in the order of the runner's customGrad inputs that exist. */
export interface FusedGradients {
  projected: tf.Tensor;
  initH: tf.Tensor;
  initC?: tf.Tensor;
  /** With respect to the keras-layout recurrent kernel [H, G·H]. */
  weight: tf.Tensor;
  recurrentBias?: tf.Tensor;
  peephole?: tf.Tensor;
}

const part = (ws: tf.Tensor, offset: number, shape: number[]) =>
  tf.reshape(tf.slice(ws, [offset], [shape.reduce((a, b) => a * b, 1)]), shape);

/**
 * Turns the two workspaces into gradients: dP = dA at input time [batch, time, G·H] (reversed runs
 * read it backwards), dU = Σ_k h_{k-1}^T dR_k as one matMul over all steps (GRU with reset before:
 * (r h)^T dA_n for the candidate block), the recurrent bias Σ dR, the diagonal peepholes
 * Σ dA_{i,f} C_{k-1} and Σ dA_o C_k, and the initial state's gradients.
 * @example
 * const grads = fusedGradients(plan, forward, backward, ws, bws, false);
 * In plain words: add up each weight's share of the blame over the whole sequence at once.
 */
export function fusedGradients(
  plan: WebGpuCellPlan,
  forward: ForwardLayout,
  backward: BackwardLayout,
  ws: tf.Tensor,
  bws: tf.Tensor,
  reverse: boolean,
): FusedGradients {
  const { batch, time, hidden } = forward;
  const gh = plan.gates * hidden;
  const rows = time * batch;
  const dA = part(bws, backward.oA, [rows, gh]);
  const byTime = tf.transpose(tf.reshape(dA, [time, batch, gh]), [1, 0, 2]);
  const projected = reverse ? tf.reverse(byTime, 1) : byTime;
  const dR = plan.family === 'gru-after' ? part(bws, backward.oDR, [rows, gh]) : dA;
  const previous = part(ws, forward.oH, [rows, hidden]);
  let weight: tf.Tensor;
  if (plan.family === 'gru-before') {
    const gates = tf.matMul(previous, tf.slice(dA, [0, 0], [rows, 2 * hidden]), true, false);
    const resetH = part(ws, forward.oR, [rows, hidden]);
    const candidate = tf.matMul(resetH, tf.slice(dA, [0, 2 * hidden], [rows, hidden]), true, false);
    weight = tf.concat([gates, candidate], 1);
  } else {
    weight = tf.matMul(previous, dR, true, false);
  }
  const grads: FusedGradients = {
    projected,
    initH: part(bws, backward.oG0, [batch, hidden]),
    weight,
    recurrentBias: plan.recurrentBias ? tf.sum(dR, 0) : undefined,
  };
  if (plan.hasCell) grads.initC = part(bws, backward.oGC0, [batch, hidden]);
  if (plan.family === 'peephole') {
    const cellBefore = part(ws, forward.oC, [rows, hidden]);
    const saved = part(ws, forward.oS, [rows, plan.slots, hidden]);
    const cellAfter = tf.reshape(tf.slice(saved, [0, 4, 0], [rows, 1, hidden]), [rows, hidden]);
    const block = (g: number) => tf.slice(dA, [0, g * hidden], [rows, hidden]);
    grads.peephole = tf.stack([
      tf.sum(tf.mul(block(0), cellBefore), 0),
      tf.sum(tf.mul(block(1), cellBefore), 0),
      tf.sum(tf.mul(block(3), cellAfter), 0),
    ]);
  }
  return grads;
}
