import type * as tf from '@tensorflow/tfjs-core';
import { getActivation } from '@baihua/core';
import type { RecurrentCell } from '../../cells/recurrent-cell.js';

/** The cell families the wasm kernels implement. */
export type WasmCellFamily = 'lstm' | 'peephole' | 'coupled' | 'elman' | 'gru-after' | 'gru-before';

/**
 * What the wasm kernels need to know about a cell: its family, gate count G, whether it has a cell
 * state, how many values per unit each step saves for backward (`slots`), Elman's nonlinearity,
 * GRU's block positions and update form, and whether a recurrent bias is added to h U.
 */
export interface WasmCellPlan {
  family: WasmCellFamily;
  gates: number;
  hasCell: boolean;
  slots: number;
  activation: 'tanh' | 'relu';
  /** GRU: the blocks of r and z (0 or 1; the candidate block is always 2). */
  resetBlock: number;
  updateBlock: number;
  /** GRU: 'new' h = h + z (n - h); 'previous' h = n + z (h - n). */
  updateForm: 'new' | 'previous';
  recurrentBias: boolean;
}

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

function gruPlan(fields: CellFields, recurrentBias: boolean): WasmCellPlan | undefined {
  const order = fields.gateOrder ?? 'rzn';
  const form = fields.updateGate ?? 'new';
  if ((order !== 'rzn' && order !== 'zrn') || (form !== 'new' && form !== 'previous')) return undefined;
  const after = fields.resetAfter !== false;
  return {
    family: after ? 'gru-after' : 'gru-before',
    gates: 3,
    hasCell: false,
    slots: after ? 4 : 3,
    activation: 'tanh',
    resetBlock: order === 'rzn' ? 0 : 1,
    updateBlock: order === 'rzn' ? 1 : 0,
    updateForm: form,
    recurrentBias,
  };
}

/**
 * The plan for a cell the wasm kernels handle, or undefined (the op-by-op path runs it): LSTM,
 * diagonal peephole LSTM and coupled LSTM with sigmoid gates, GRU with either reset form, gate
 * order and update form (sigmoid gates), Elman with tanh or relu; keras or torch layout. Not
 * handled: hardSigmoid gates, full peepholes, other Elman activations, cells of other kinds.
 * @example
 * planWasmCell(new GruCell({ inputSize: 3, hiddenSize: 4 }))?.family; // 'gru-after'
 * In plain words: does the wasm road know this kind of runner, and how does it run?
 */
export function planWasmCell(cell: RecurrentCell): WasmCellPlan | undefined {
  const fields = cell as RecurrentCell & CellFields;
  if (typeof fields.weightVariables !== 'function') return undefined;
  const weights = fields.weightVariables();
  if (weights.kernel === undefined || weights.recurrentKernel === undefined) return undefined;
  if (Object.values(weights).some((weight) => weight.dtype !== 'float32')) return undefined;
  if ((fields.recurrentActivation ?? 'sigmoid') !== 'sigmoid') return undefined;
  const recurrentBias = weights.recurrentBias !== undefined;
  const base = { activation: 'tanh', resetBlock: 0, updateBlock: 1, updateForm: 'new', recurrentBias } as const;
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
  if (kind === 'gru' && gateCount === 3) return gruPlan(fields, recurrentBias);
  return undefined;
}
