import * as tf from '@tensorflow/tfjs-core';
import { cellBody, prelude, tail } from './forward-shaders.js';
import { wgslFunctions } from './wgsl-functions.js';
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
 * The one-dispatch forward step: each thread takes a block of `rows` batch rows by `units` hidden
 * units and forms their recurrent products h_{k-1}[b] U for every gate at once (`weight` as
 * {@link gateVectors}: vec4 for G > 1, else scalars; each load serves the whole block), then per
 * (row, unit) the gate arithmetic, the new state, the output and the values backward needs.
 * Returns the whole shader source; dispatch ceil(B / rows) · ceil(H / units) threads
 * (see adapter-tiling.ts for the block sizes); reads are clamped only where a block can overhang
 * the batch or the units (one row, one unit: never). On SwiftShader the vec4 loads made the LSTM step
 * about 3x faster than one scalar loop per gate.
 * @example
 * const source = gateVectorStepSource(plan, true, { rows: 8, units: 4 });
 * In plain words: each worker fetches all four gate weights of its units in one go, for a few rows.
 */
export function gateVectorStepSource(
  plan: OneDispatchPlan,
  masked: boolean,
  { rows, units }: { rows: number; units: number } = { rows: 1, units: 1 },
): string {
  const vector = plan.gates > 1;
  const lanes = ['x', 'y', 'z', 'w'].slice(0, plan.gates);
  const { code, saves } = cellBody(plan);
  const rowType = vector ? 'vec4<f32>' : 'f32';
  const rowList = Array.from({ length: rows }, (_, r) => r);
  const unitList = Array.from({ length: units }, (_, u) => u);
  const each = <T>(list: T[], line: (item: T) => string) => list.map(line).join(' ');
  const block = (line: (r: number, u: number) => string) => each(rowList, (r) => each(unitList, (u) => line(r, u)));
  return `${wgslFunctions(plan)}
    fn unitStep(index : i32, row : ${rowType}) {
      ${prelude(plan.gates)}
      let hRow = uniforms.oH + k * BH + b * H;
      ${vector ? lanes.map((lane, g) => `let acc${g} = row.${lane};`).join(' ') : 'let acc0 = row;'}
      let p = (b * T + t) * GH + j;
      let hp = result[hRow + j];
      ${plan.hasCell ? 'let cp = result[uniforms.oC + k * BH + index];' : ''}
      let sv = uniforms.oS + (k * B + b) * ${plan.slots} * H + j;
      ${code}
      ${tail(plan, masked)}
      ${saves.map((name, s) => `result[sv + ${s} * H] = ${name};`).join(' ')}
    }
    fn main(index : i32) {
      let B = uniforms.batch; let H = uniforms.hidden;
      let blocks = (H + ${units - 1}) / ${units};
      if (index >= ((B + ${rows - 1}) / ${rows}) * blocks) { return; }
      let b0 = (index / blocks) * ${rows}; let j0 = (index - (index / blocks) * blocks) * ${units};
      let hBase = uniforms.oH + uniforms.step * B * H;
      ${each(rowList, (r) => `let h${r} = hBase + ${rows > 1 ? `min(b0 + ${r}, B - 1)` : 'b0'} * H;`)}
      ${block((r, u) => `var row${r}_${u} = ${rowType}(0.0);`)}
      for (var q = 0; q < H; q = q + 1) {
        ${each(unitList, (u) => `let w${u} = weight[q * H + ${units > 1 ? `min(j0 + ${u}, H - 1)` : 'j0'}];`)}
        ${each(rowList, (r) => `let x${r} = result[h${r} + q];`)}
        ${block((r, u) => `row${r}_${u} = row${r}_${u} + x${r} * w${u};`)}
      }
      ${block((r, u) => `if (b0 + ${r} < B && j0 + ${u} < H) { unitStep((b0 + ${r}) * H + j0 + ${u}, row${r}_${u}); }`)}
    }`;
}
