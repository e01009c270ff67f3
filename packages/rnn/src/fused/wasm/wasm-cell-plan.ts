import type { RecurrentCell } from '../../cells/recurrent-cell.js';
import { type FusedCellFamily, type FusedCellPlan, planFusedCell } from '../fused-cell-plan.js';

/** The cell families the wasm kernels implement. */
export type WasmCellFamily = FusedCellFamily;

/** What the wasm kernels need to know about a cell (see {@link FusedCellPlan}); their gates are sigmoid. */
export type WasmCellPlan = FusedCellPlan;

/**
 * The plan for a cell the wasm kernels handle, or undefined (the op-by-op path runs it): what
 * {@link planFusedCell} accepts, with sigmoid gates (hardSigmoid needs the pre-activation's ties at
 * +-2.5 saved for an exact gradient, which the heap kernels do not keep).
 * @example
 * planWasmCell(new GruCell({ inputSize: 3, hiddenSize: 4 }))?.family; // 'gru-after'
 * In plain words: does the wasm road know this kind of runner, and how does it run?
 */
export function planWasmCell(cell: RecurrentCell): WasmCellPlan | undefined {
  const plan = planFusedCell(cell);
  return plan?.gate === 'sigmoid' ? plan : undefined;
}
