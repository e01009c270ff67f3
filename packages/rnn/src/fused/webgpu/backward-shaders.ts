import * as tf from '@tensorflow/tfjs-core';
import { prelude } from './forward-shaders.js';
import type { WebGpuCellPlan } from './webgpu-cell-plan.js';
import { wgslFunctions } from './wgsl-functions.js';

/**
 * Where the backward workspace keeps each part (offsets in floats): the pre-activation gradients
 * dA [time, batch, G·H] in processing order; GRU with reset after: dR, the same with the candidate
 * block times r (what reaches the recurrent weights); then [batch, H] carries: the direct part of
 * dh_{k-1} (dDH), dc_{k-1} (dDC), GRU with reset before: d(r h) * r (dRR); and the gradients of the
 * initial state (G0, GC0).
 */
export interface BackwardLayout {
  oA: number;
  oDR: number;
  oDH: number;
  oDC: number;
  oRR: number;
  oG0: number;
  oGC0: number;
  size: number;
}

/**
 * The backward workspace layout for `time` steps of [batch, G·H].
 * @example
 * backwardLayout(plan, 2, 3, 4).oDR; // 0 for an LSTM: dR is dA
 * In plain words: the map of the scratch pad for the way back.
 */
export function backwardLayout(plan: WebGpuCellPlan, batch: number, time: number, hidden: number): BackwardLayout {
  const bh = batch * hidden;
  const gates = time * batch * plan.gates * hidden;
  const oA = 0;
  const oDR = plan.family === 'gru-after' ? gates : 0;
  const oDH = gates * (plan.family === 'gru-after' ? 2 : 1);
  const [oDC, oRR, oG0, oGC0] = [oDH + bh, oDH + 2 * bh, oDH + 3 * bh, oDH + 4 * bh];
  return { oA, oDR, oDH, oDC, oRR, oG0, oGC0, size: oGC0 + bh };
}

/**
 * U [H, G·H] (keras layout) re-laid [ceil(G·H / 4), H, 4]: entry (q4, j) holds U[j, 4 q4 .. 4 q4 + 3]
 * (zero-padded), so thread j of the backward step reads four columns of row j of U in one vec4
 * while neighbouring threads read neighbouring vec4s.
 * @example
 * unitVectors(tf.zeros([4, 12])).shape; // [3, 4, 4]
 * In plain words: U^T cut into blocks of four, for the way back.
 */
export function unitVectors(weight: tf.Tensor): tf.Tensor {
  const [hidden, width] = weight.shape as [number, number];
  const blocks = Math.ceil(width / 4);
  const padded =
    blocks * 4 === width
      ? weight
      : tf.pad(weight, [
          [0, 0],
          [0, blocks * 4 - width],
        ]);
  return tf.transpose(tf.reshape(padded, [hidden, blocks, 4]), [1, 0, 2]);
}

/** Gradients of GRU's combine step: dz, dn, and the direct part of dh_{k-1}. */
function updateGradients(plan: WebGpuCellPlan): string {
  return plan.updateForm === 'new'
    ? 'let dz = dhn * (gn - hp); let dn = dhn * gz; dhp = dhp + dhn * (1.0 - gz);'
    : 'let dz = dhn * (hp - gn); let dn = dhn * (1.0 - gz); dhp = dhp + dhn * gz;';
}

/** From dhn (and dcn), the pre-activation gradients of one step; writes them at dRow + g H. */
function gateGradients(plan: WebGpuCellPlan): string {
  const [r, z] = [plan.resetBlock, plan.updateBlock];
  switch (plan.family) {
    case 'lstm':
    case 'peephole': {
      const peep = plan.family === 'peephole';
      return `
        let ai = ws[sv]; let af = ws[sv + H]; let ag = ws[sv + 2 * H]; let ao = ws[sv + 3 * H]; let cn = ws[sv + 4 * H];
        let gi = gateOf(ai); let gf = gateOf(af); let gg = tanhOf(ag); let go = gateOf(ao); let tc = tanhOf(cn);
        let dao = dhn * tc * gateSlope(ao, go);
        dcn = dcn + dhn * go * (1.0 - tc * tc)${peep ? ' + dao * peep[2 * H + j]' : ''};
        let dai = dcn * gg * gateSlope(ai, gi);
        let daf = dcn * cp * gateSlope(af, gf);
        let dag = dcn * gi * (1.0 - gg * gg);
        dcp = dcp + dcn * gf${peep ? ' + dai * peep[j] + daf * peep[H + j]' : ''};
        result[dRow] = dai; result[dRow + H] = daf; result[dRow + 2 * H] = dag; result[dRow + 3 * H] = dao;`;
    }
    case 'coupled':
      return `
        let af = ws[sv]; let ag = ws[sv + H]; let ao = ws[sv + 2 * H]; let cn = ws[sv + 3 * H];
        let gf = gateOf(af); let gg = tanhOf(ag); let go = gateOf(ao); let tc = tanhOf(cn);
        let dao = dhn * tc * gateSlope(ao, go);
        dcn = dcn + dhn * go * (1.0 - tc * tc);
        let daf = dcn * (cp - gg) * gateSlope(af, gf);
        let dag = dcn * (1.0 - gf) * (1.0 - gg * gg);
        dcp = dcp + dcn * gf;
        result[dRow] = daf; result[dRow + H] = dag; result[dRow + 2 * H] = dao;`;
    case 'elman':
      return 'let a = ws[sv]; result[dRow] = dhn * cellActivationSlope(a, cellActivation(a));';
    case 'gru-after':
      return `
        let ar = ws[sv + ${r} * H]; let az = ws[sv + ${z} * H]; let an = ws[sv + 2 * H]; let hN = ws[sv + 3 * H];
        let gr = gateOf(ar); let gz = gateOf(az); let gn = tanhOf(an);
        ${updateGradients(plan)}
        let dan = dn * (1.0 - gn * gn);
        let dar = dan * hN * gateSlope(ar, gr);
        let daz = dz * gateSlope(az, gz);
        result[dRow + ${r} * H] = dar; result[dRow + ${z} * H] = daz; result[dRow + 2 * H] = dan;
        let rRow = dRow + uniforms.oDR - uniforms.oA;
        result[rRow + ${r} * H] = dar; result[rRow + ${z} * H] = daz; result[rRow + 2 * H] = dan * gr;`;
    default:
      return `
        let az = ws[sv + ${z} * H]; let an = ws[sv + 2 * H];
        let gz = gateOf(az); let gn = tanhOf(an);
        ${updateGradients(plan)}
        result[dRow + ${z} * H] = dz * gateSlope(az, gz); result[dRow + 2 * H] = dn * (1.0 - gn * gn);`;
  }
}

/**
 * The backward step shader (pass A): thread (b, j) forms dh for the state after step k from the
 * next step's dR (dR_{k+1} U^T for its unit, four columns per vec4 load of `weightT` laid out as
 * {@link unitVectors}, plus the direct parts it kept), adds the output's
 * gradient, applies the mask, and writes step k's pre-activation gradients and its carries. With
 * step -1 it writes the initial state's gradients instead.
 * @example
 * const source = backwardStepSource(plan, true);
 * In plain words: one beat of the way back, blame shared out to every gate.
 */
export function backwardStepSource(plan: WebGpuCellPlan, masked: boolean): string {
  const before = plan.family === 'gru-before';
  const cell = plan.hasCell;
  const rows = cell ? 'T + 2' : 'T + 1';
  return `${wgslFunctions(plan)}
  fn main(index : i32) {
    ${prelude(plan.gates)}
    let R = ${rows};
    var gh = 0.0; var gc = 0.0;
    if (k == T - 1) {
      gh = dv[(b * R + T) * H + j];
      ${cell ? 'gc = dv[(b * R + T + 1) * H + j];' : ''}
    } else {
      let row = uniforms.oDR + ((k + 1) * B + b) * GH;
      let n = ${before ? '2 * H' : 'GH'};
      let full = n / 4;
      var acc = 0.0;
      for (var q4 = 0; q4 < full; q4 = q4 + 1) {
        let r = row + q4 * 4;
        acc = acc + dot(vec4<f32>(result[r], result[r + 1], result[r + 2], result[r + 3]), weightT[q4 * H + j]);
      }
      if (full * 4 < n) {
        let w = weightT[full * H + j];
        for (var l = 0; l < n - full * 4; l = l + 1) { acc = acc + result[row + full * 4 + l] * w[l]; }
      }
      gh = acc + result[uniforms.oDH + index]${before ? ' + result[uniforms.oRR + index]' : ''};
      ${cell ? 'gc = result[uniforms.oDC + index];' : ''}
    }
    if (k < 0) {
      result[uniforms.oG0 + index] = gh;
      ${cell ? 'result[uniforms.oGC0 + index] = gc;' : ''}
      return;
    }
    ${masked ? 'let m = f32(keep[b * T + t]);' : ''}
    let dyv = dv[(b * R + t) * H + j];
    let dhn = ${masked ? 'm * (gh + dyv)' : 'gh + dyv'};
    var dhp = ${masked ? '(1.0 - m) * gh' : '0.0'};
    ${cell ? `var dcn = ${masked ? 'm * gc' : 'gc'}; var dcp = ${masked ? '(1.0 - m) * gc' : '0.0'};` : ''}
    let hp = ws[uniforms.oH + k * BH + index];
    ${cell ? 'let cp = ws[uniforms.oC + k * BH + index];' : ''}
    let sv = uniforms.oS + (k * B + b) * ${plan.slots} * H + j;
    let dRow = uniforms.oA + (k * B + b) * GH + j;
    ${gateGradients(plan)}
    result[uniforms.oDH + index] = dhp;
    ${cell ? 'result[uniforms.oDC + index] = dcp;' : ''}
  }`;
}

/**
 * GRU with reset before, pass B of step k: d(r h) = dA_n U_n^T for unit j, then the reset gate's
 * gradient dA_r = d(r h) h σ'(a_r) and the carry d(r h) r for dh_{k-1}.
 * @example
 * const source = resetGradientSource(plan);
 * In plain words: how much the reset gate is to blame, once the candidate's blame is known.
 */
export function resetGradientSource(plan: WebGpuCellPlan): string {
  return `${wgslFunctions(plan)}
  fn main(index : i32) {
    ${prelude(3)}
    let row = uniforms.oA + (k * B + b) * GH;
    var acc = 0.0;
    for (var q = 2 * H; q < 3 * H; q = q + 1) { acc = acc + result[row + q] * weightT[(q / 4) * H + j][q % 4]; }
    let hp = ws[uniforms.oH + k * BH + index];
    let ar = ws[uniforms.oS + (k * B + b) * ${plan.slots} * H + j + ${plan.resetBlock} * H];
    let gr = gateOf(ar);
    result[row + ${plan.resetBlock} * H + j] = acc * hp * gateSlope(ar, gr);
    result[uniforms.oRR + index] = acc * gr;
  }`;
}
