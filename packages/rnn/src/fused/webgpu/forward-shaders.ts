import type { WebGpuCellPlan } from './webgpu-cell-plan.js';
import { accumulators, wgslFunctions } from './wgsl-functions.js';

/**
 * Where the forward workspace keeps each part (offsets in floats). Y [batch, time + E, H]: the
 * outputs at input time, then the final hidden (and cell) state, E = 1 (2 with a cell state); then
 * the states after each processed step, H and C [(time + 1), batch, H] (slot 0: the initial state);
 * the saved values S [time, batch, slots, H]; GRU with reset before: r * h [time, batch, H].
 */
export interface ForwardLayout {
  batch: number;
  hidden: number;
  time: number;
  rows: number;
  oY: number;
  oH: number;
  oC: number;
  oS: number;
  oR: number;
  size: number;
}

/**
 * The forward workspace layout of a cell plan for x [batch, time, ·] and `hidden` units.
 * @example
 * forwardLayout(plan, 2, 3, 4).rows; // 5 for an LSTM: 3 steps, final hidden, final cell
 * In plain words: the map of the scratch pad.
 */
export function forwardLayout(plan: WebGpuCellPlan, batch: number, time: number, hidden: number): ForwardLayout {
  const bh = batch * hidden;
  const rows = time + (plan.hasCell ? 2 : 1);
  const oY = 0;
  const oH = batch * rows * hidden;
  const oC = oH + (time + 1) * bh;
  const oS = oC + (plan.hasCell ? (time + 1) * bh : 0);
  const oR = oS + time * bh * plan.slots;
  const size = oR + (plan.family === 'gru-before' ? time * bh : 0);
  return { batch, hidden, time, rows, oY, oH, oC, oS, oR, size };
}

const prelude = (gates: number) => `
    let B = uniforms.batch; let H = uniforms.hidden; let T = uniforms.time;
    if (index >= B * H) { return; }
    let b = index / H; let j = index - b * H;
    let k = uniforms.step; let t = uniforms.t;
    let BH = B * H; let GH = ${gates} * H;`;

/** Pre-activation of block g: the projected input plus (recurrent product plus recurrent bias). */
export const preactivationOf = (plan: WebGpuCellPlan, g: number) =>
  `let a${g} = proj[p + ${g} * H] + (acc${g}${plan.recurrentBias ? ` + rbias[${g} * H + j]` : ''});`;

/** The gate arithmetic of one step: defines hn (and cn) and lists the values saved for backward. */
function cellBody(plan: WebGpuCellPlan): { code: string; saves: string[] } {
  const pre = (count: number) => Array.from({ length: count }, (_, g) => preactivationOf(plan, g)).join(' ');
  switch (plan.family) {
    case 'lstm':
    case 'peephole': {
      const peep = plan.family === 'peephole';
      const code = `${pre(4)}
        let ai = a0${peep ? ' + cp * peep[j]' : ''}; let af = a1${peep ? ' + cp * peep[H + j]' : ''}; let ag = a2;
        let cn = gateOf(af) * cp + gateOf(ai) * tanhOf(ag);
        let ao = a3${peep ? ' + cn * peep[2 * H + j]' : ''};
        let hn = gateOf(ao) * tanhOf(cn);`;
      return { code, saves: ['ai', 'af', 'ag', 'ao', 'cn'] };
    }
    case 'coupled':
      return {
        code: `${pre(3)}
          let gf = gateOf(a0); let gg = tanhOf(a1);
          let cn = gg + gf * (cp - gg);
          let hn = gateOf(a2) * tanhOf(cn);`,
        saves: ['a0', 'a1', 'a2', 'cn'],
      };
    case 'elman':
      return { code: `${pre(1)} let hn = cellActivation(a0);`, saves: ['a0'] };
    default: {
      const hN = `acc2${plan.recurrentBias ? ' + rbias[2 * H + j]' : ''}`;
      return {
        code: `${pre(2)}
          let hN = ${hN};
          let gr = gateOf(a${plan.resetBlock}); let gz = gateOf(a${plan.updateBlock});
          let an = proj[p + 2 * H] + gr * hN;
          let gn = tanhOf(an);
          ${combine(plan)}`,
        saves: ['a0', 'a1', 'an', 'hN'],
      };
    }
  }
}

/** GRU's new hidden state from gz, gn and hp, in the cell's own form. */
export function combine(plan: WebGpuCellPlan): string {
  return plan.updateForm === 'new' ? 'let hn = hp + gz * (gn - hp);' : 'let hn = gn + gz * (hp - gn);';
}

/** Writes the new state (blended with the previous one under a mask), the output and the final state. */
function tail(plan: WebGpuCellPlan, masked: boolean): string {
  const blend = (next: string, before: string) => (masked ? `m * ${next} + (1.0 - m) * ${before}` : next);
  const rows = plan.hasCell ? 'T + 2' : 'T + 1';
  return `
    ${masked ? 'let m = f32(keep[b * T + t]);' : ''}
    let hs = ${blend('hn', 'hp')};
    result[uniforms.oH + (k + 1) * BH + index] = hs;
    ${plan.hasCell ? `let cs = ${blend('cn', 'cp')}; result[uniforms.oC + (k + 1) * BH + index] = cs;` : ''}
    let yRow = b * (${rows});
    result[uniforms.oY + (yRow + t) * H + j] = ${masked ? 'hn * m' : 'hn'};
    if (k == T - 1) {
      result[uniforms.oY + (yRow + T) * H + j] = hs;
      ${plan.hasCell ? 'result[uniforms.oY + (yRow + T + 1) * H + j] = cs;' : ''}
    }`;
}

export { cellBody, prelude, tail };

/** The WGSL source of a forward shader: shared functions, then main(index). */
export function forwardSource(plan: WebGpuCellPlan, main: string): string {
  return `${wgslFunctions(plan)}
    fn main(index : i32) {
      ${main}
    }`;
}

/** The recurrent product h_{k} U over `count` gate blocks from `first`, for unit j of batch row b. */
export function recurrentProduct(row: string, count: number, first = 0): string {
  const acc = accumulators(count, first);
  return `
    ${acc.declare}
    for (var q = 0; q < H; q = q + 1) {
      let v = result[${row} + q];
      let w = q * GH + j;
      ${acc.update}
    }`;
}
