import * as tf from '@tensorflow/tfjs-core';
import type { WasmCellPlan } from './wasm-cell-plan.js';

/**
 * For the LSTM family, `weight` with its candidate (g) block of columns doubled, so the heap step
 * gets 2a for g straight from x W + b + h U and takes tanh a as 2 σ(2a) - 1 in the same vectorised
 * Sigmoid as the gates, with no per-step doubling pass. Other cells get `weight` back unchanged.
 * Only the forward loop sees the doubled copies; the gradients use the given weights.
 * `weight` is [.., G·H] in keras layout (a matrix or a bias vector).
 * @example
 * const kernel2 = doubledCandidate(plan, kernel, hidden); // LSTM: columns 2H..3H times 2
 * In plain words: fold the tanh's inner factor 2 into the weights once instead of every step.
 */
export function doubledCandidate(plan: WasmCellPlan, weight: tf.Tensor, hidden: number): tf.Tensor {
  if (plan.family !== 'lstm' && plan.family !== 'peephole' && plan.family !== 'coupled') return weight;
  const candidateBlock = plan.family === 'coupled' ? 1 : 2;
  const scale = new Float32Array(plan.gates * hidden).fill(1);
  scale.fill(2, candidateBlock * hidden, (candidateBlock + 1) * hidden);
  return tf.mul(weight, tf.tensor1d(scale));
}
