import * as tf from '@tensorflow/tfjs-core';
import { cellBody, prelude, tail } from './forward-shaders.js';
import type { WebGpuCellPlan } from './webgpu-cell-plan.js';

/** Families whose whole step is one dispatch (GRU with reset before needs two). */
export type OneDispatchPlan = WebGpuCellPlan & { family: Exclude<WebGpuCellPlan['family'], 'gru-before'> };

/**
 * U [H, G·H] (keras layout) re-laid [H, H, 4]: for row q and unit j the G ≤ 4 gate weights side by
 * side, zero-padded to 4, so one vec4 load serves every gate; a one-gate U is returned as it is.
 * @example
 * gateVectors(tf.zeros([8, 24]), 3).shape; // [8, 8, 4]
 * In plain words: put the four gates' weights of each unit next to each other.
 */
export function gateVectors(weight: tf.Tensor, gates: number): tf.Tensor {
  if (gates === 1) return weight;
  const hidden = weight.shape[0] as number;
  const laid = tf.transpose(tf.reshape(weight, [hidden, gates, hidden]), [0, 2, 1]);
  return gates === 4
    ? laid
    : tf.pad(laid, [
        [0, 0],
        [0, 0],
        [0, 4 - gates],
      ]);
}

/**
 * The one-dispatch forward step: thread (b, j) forms the recurrent product h_{k-1}[b] U for every
 * gate of unit j at once (`weight` as {@link gateVectors}: vec4 for G > 1, else scalars), then the
 * gate arithmetic, the new state, the output and the values backward needs. On SwiftShader the
 * vec4 loads made the LSTM step about 3x faster than one scalar loop per gate.
 * @example
 * const body = gateVectorStepSource(plan, true);
 * In plain words: each worker fetches all four gate weights of its unit in one go.
 */
export function gateVectorStepSource(plan: OneDispatchPlan, masked: boolean): string {
  const vector = plan.gates > 1;
  const lanes = ['x', 'y', 'z', 'w'].slice(0, plan.gates);
  const { code, saves } = cellBody(plan);
  return `
    ${prelude(plan.gates)}
    let hRow = uniforms.oH + k * BH + b * H;
    var row = ${vector ? 'vec4<f32>(0.0)' : '0.0'};
    for (var q = 0; q < H; q = q + 1) { row = row + result[hRow + q] * weight[q * H + j]; }
    ${vector ? lanes.map((lane, g) => `let acc${g} = row.${lane};`).join(' ') : 'let acc0 = row;'}
    let p = (b * T + t) * GH + j;
    let hp = result[hRow + j];
    ${plan.hasCell ? 'let cp = result[uniforms.oC + k * BH + index];' : ''}
    let sv = uniforms.oS + (k * B + b) * ${plan.slots} * H + j;
    ${code}
    ${tail(plan, masked)}
    ${saves.map((name, s) => `result[sv + ${s} * H] = ${name};`).join(' ')}`;
}
