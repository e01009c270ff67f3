import type { WebGpuCellPlan } from './webgpu-cell-plan.js';

/**
 * The WGSL helpers every fused shader shares: the gate function σ (`gateOf`), its slope from the
 * pre-activation and the output (`gateSlope`), tanh as tfjs-backend-webgpu writes it (finite at any
 * input), and Elman's nonlinearity (`cellActivation`, `cellActivationSlope`).
 * hardSigmoid's slope is 0.2 where 0 <= 0.2 a + 0.5 <= 1, the ends included, as tfjs's clipByValue.
 * @example
 * const source = wgslFunctions(plan) + body;
 * In plain words: the small formulas each thread needs, written once.
 */
export function wgslFunctions(plan: WebGpuCellPlan): string {
  const gate =
    plan.gate === 'sigmoid'
      ? `fn gateOf(a : f32) -> f32 { return 1.0 / (1.0 + exp(-1.0 * a)); }
         fn gateSlope(a : f32, s : f32) -> f32 { return s * (1.0 - s); }`
      : `fn gateOf(a : f32) -> f32 { return clamp(0.2 * a + 0.5, 0.0, 1.0); }
         fn gateSlope(a : f32, s : f32) -> f32 {
           let y = 0.2 * a + 0.5;
           return select(0.0, 0.2, y >= 0.0 && y <= 1.0);
         }`;
  const activation =
    plan.activation === 'relu'
      ? `fn cellActivation(a : f32) -> f32 { return max(a, 0.0); }
         fn cellActivationSlope(a : f32, y : f32) -> f32 { return select(0.0, 1.0, a > 0.0); }`
      : `fn cellActivation(a : f32) -> f32 { return tanhOf(a); }
         fn cellActivationSlope(a : f32, y : f32) -> f32 { return 1.0 - y * y; }`;
  return `
    fn tanhOf(a : f32) -> f32 {
      let e2x = exp(-2.0 * abs(a));
      return sign(a) * (1.0 - e2x) / (1.0 + e2x);
    }
    ${gate}
    ${activation}
  `;
}

/** `count` accumulators acc0.. of a row-times-matrix loop, each over one gate block (unrolled source). */
export function accumulators(count: number, first = 0): { declare: string; update: string } {
  const blocks = Array.from({ length: count }, (_, g) => g + first);
  return {
    declare: blocks.map((g) => `var acc${g} = 0.0;`).join(' '),
    update: blocks.map((g) => `acc${g} = acc${g} + v * weight[w + ${g} * H];`).join(' '),
  };
}
