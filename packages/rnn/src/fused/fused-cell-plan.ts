import type * as tf from '@tensorflow/tfjs-core';
import { getActivation } from '@baihua/core';
import { CoupledLstmCell } from '../cells/coupled-lstm-cell.js';
import { ElmanCell } from '../cells/elman-cell.js';
import { GatedCell } from '../cells/gated-cell.js';
import { GruCell } from '../cells/gru-cell.js';
import { LstmCell } from '../cells/lstm-cell.js';
import { PeepholeLstmCell } from '../cells/peephole-lstm-cell.js';
import type { RecurrentCell } from '../cells/recurrent-cell.js';

/** The cell families the fused kernels (wasm and WGSL) implement. */
export type FusedCellFamily = 'lstm' | 'peephole' | 'coupled' | 'elman' | 'gru-after' | 'gru-before';

/**
 * What a fused kernel needs to know about a cell: its family, gate count G, whether it has a cell
 * state, how many values per unit each step saves for the backward pass (pre-activations, and the
 * new cell state or GRU's recurrent candidate term), its gate function and its variant flags.
 */
export interface FusedCellPlan {
  family: FusedCellFamily;
  gates: number;
  hasCell: boolean;
  slots: number;
  gate: 'sigmoid' | 'hardSigmoid';
  /** Elman's nonlinearity. */
  activation: 'tanh' | 'relu';
  /** GRU: the gate blocks of r and z (0 or 1; the candidate block is always 2). */
  resetBlock: number;
  updateBlock: number;
  /** GRU: 'new' h = h + z (n - h); 'previous' h = n + z (h - n). */
  updateForm: 'new' | 'previous';
  recurrentBias: boolean;
}

/** Cell fields read here, beyond RecurrentCell (each cell class declares its own). */
interface CellFields {
  recurrentActivation?: string;
  activation?: unknown;
  peephole?: string;
  resetAfter?: boolean;
  gateOrder?: string;
  updateGate?: string;
  weightVariables?: () => Readonly<Record<string, tf.Variable>>;
}

function elmanActivation(activation: unknown): 'tanh' | 'relu' | undefined {
  if (activation === getActivation('tanh')) return 'tanh';
  if (activation === getActivation('relu')) return 'relu';
  return undefined;
}

/** The cell classes by kind: a subclass that rewrites a step keeps the kind but not the math. */
const stockSteps: Record<string, { prototype: { stepProjected: unknown } }> = {
  lstm: LstmCell,
  'peephole-lstm': PeepholeLstmCell,
  'coupled-lstm': CoupledLstmCell,
  gru: GruCell,
  elman: ElmanCell,
};

function hasStockStep(cell: RecurrentCell): boolean {
  const stock = stockSteps[cell.kind];
  const recurrent = (cell as unknown as { projectRecurrent?: unknown }).projectRecurrent;
  const base = (GatedCell.prototype as unknown as { projectRecurrent: unknown }).projectRecurrent;
  const gates = (cell as unknown as { gatePreactivations?: unknown }).gatePreactivations;
  const lstmGates = (LstmCell.prototype as unknown as { gatePreactivations: unknown }).gatePreactivations;
  return (
    stock !== undefined &&
    cell.stepProjected === stock.prototype.stepProjected &&
    recurrent === base &&
    (gates === undefined || gates === lstmGates)
  );
}

function gruPlan(fields: CellFields, base: Omit<FusedCellPlan, 'family' | 'gates' | 'hasCell' | 'slots'>) {
  const order = fields.gateOrder ?? 'rzn';
  const form = fields.updateGate ?? 'new';
  if ((order !== 'rzn' && order !== 'zrn') || (form !== 'new' && form !== 'previous')) return undefined;
  const after = fields.resetAfter !== false;
  return {
    ...base,
    family: after ? 'gru-after' : 'gru-before',
    gates: 3,
    hasCell: false,
    slots: after ? 4 : 3,
    resetBlock: order === 'rzn' ? 0 : 1,
    updateBlock: order === 'rzn' ? 1 : 0,
    updateForm: form,
  } as const;
}

/**
 * The plan for a cell a fused kernel can run, or undefined (the op-by-op path runs it): LSTM,
 * diagonal peephole LSTM, coupled LSTM, GRU with either reset form, gate order and update form
 * (sigmoid or hardSigmoid gates), Elman with tanh or relu; keras or torch layout; float32 weights.
 * Not handled: full peepholes, other Elman activations, cells of other kinds, and subclasses that
 * rewrite stepProjected, projectRecurrent or gatePreactivations. Each backend narrows it further.
 * @example
 * planFusedCell(new GruCell({ inputSize: 3, hiddenSize: 4 }))?.family; // 'gru-after'
 * In plain words: does a fast road know this kind of runner, and how does it run?
 */
export function planFusedCell(cell: RecurrentCell): FusedCellPlan | undefined {
  const fields = cell as RecurrentCell & CellFields;
  if (!hasStockStep(cell)) return undefined;
  if (typeof fields.weightVariables !== 'function') return undefined;
  const weights = fields.weightVariables();
  if (weights.kernel === undefined || weights.recurrentKernel === undefined) return undefined;
  if (Object.values(weights).some((weight) => weight.dtype !== 'float32')) return undefined;
  const gate = fields.recurrentActivation ?? 'sigmoid';
  if (gate !== 'sigmoid' && gate !== 'hardSigmoid') return undefined;
  const recurrentBias = weights.recurrentBias !== undefined;
  const base = { gate, activation: 'tanh', resetBlock: 0, updateBlock: 1, updateForm: 'new', recurrentBias } as const;
  const { kind, gateCount } = cell;
  if (kind === 'lstm' && gateCount === 4) return { ...base, family: 'lstm', gates: 4, hasCell: true, slots: 5 };
  if (kind === 'peephole-lstm' && gateCount === 4 && fields.peephole === 'diagonal') {
    if (weights.peepholeWeights === undefined) return undefined;
    return { ...base, family: 'peephole', gates: 4, hasCell: true, slots: 5 };
  }
  if (kind === 'coupled-lstm' && gateCount === 3)
    return { ...base, family: 'coupled', gates: 3, hasCell: true, slots: 4 };
  if (kind === 'elman' && gateCount === 1) {
    const activation = elmanActivation(fields.activation);
    if (activation === undefined) return undefined;
    return { ...base, family: 'elman', gates: 1, hasCell: false, slots: 1, activation };
  }
  if (kind === 'gru' && gateCount === 3) return gruPlan(fields, base);
  return undefined;
}
