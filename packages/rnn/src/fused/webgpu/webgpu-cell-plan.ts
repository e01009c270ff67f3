import type { RecurrentCell } from '../../cells/recurrent-cell.js';
import { type FusedCellFamily, type FusedCellPlan, planFusedCell } from '../fused-cell-plan.js';

/** The cell families the WGSL kernels implement. */
export type WebGpuCellFamily = FusedCellFamily;

/** What the WGSL kernels need to know about a cell (see {@link FusedCellPlan}), and a shader cache key. */
export interface WebGpuCellPlan extends FusedCellPlan {
  /** A key naming every choice that changes the shader source. */
  key: string;
}

/**
 * The plan for a cell the WGSL kernels handle, or undefined: everything {@link planFusedCell}
 * accepts (sigmoid and hardSigmoid gates alike), with the key its shaders are cached under.
 * @example
 * planWebGpuCell(new LstmCell({ inputSize: 3, hiddenSize: 4 }))?.family; // 'lstm'
 * In plain words: can the GPU road carry this kind of runner, and how?
 */
export function planWebGpuCell(cell: RecurrentCell): WebGpuCellPlan | undefined {
  const plan = planFusedCell(cell);
  if (plan === undefined) return undefined;
  const { family, gate, activation, resetBlock, updateForm, recurrentBias } = plan;
  return { ...plan, key: [family, gate, activation, resetBlock, updateForm, recurrentBias].join('_') };
}
