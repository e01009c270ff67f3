import { type LayerConfig, assertFiniteNumber } from '@baihua/core';
import type { CellOptions } from '../cells/cell-weights.js';
import { CoupledLstmCell } from '../cells/coupled-lstm-cell.js';
import { type RecurrentActivationName, resolveRecurrentActivation } from '../cells/recurrent-activation.js';
import type { LstmOptions } from './lstm.js';
import { RecurrentLayer } from './recurrent-layer.js';

/**
 * The coupled-gate LSTM as a core layer ({@link CoupledLstmCell}: i = 1 - f; gates f, g, o).
 * countParams() 3 units (features + units + 1), 75% of the LSTM.
 *
 * @example
 * const layer = new CoupledLSTM({ units: 32, returnSequences: true });
 * const y = layer.apply(tf.ones([2, 5, 3])); // [2, 5, 32]
 *
 * In plain words: one decision for forgetting and writing, as one station of a model.
 */
export class CoupledLSTM extends RecurrentLayer {
  readonly forgetBias: number;
  readonly recurrentActivation: RecurrentActivationName;
  constructor(options: LstmOptions) {
    super(options, 'CoupledLSTM', ['forgetBias', 'recurrentActivation']);
    this.forgetBias = options.forgetBias ?? 1;
    assertFiniteNumber('CoupledLSTM', 'forgetBias', this.forgetBias);
    this.recurrentActivation = resolveRecurrentActivation('CoupledLSTM', options.recurrentActivation).name;
  }
  protected makeCell(common: Omit<CellOptions, 'weights'>): CoupledLstmCell {
    return new CoupledLstmCell({
      ...common,
      forgetBias: this.forgetBias,
      recurrentActivation: this.recurrentActivation,
    });
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), forgetBias: this.forgetBias, recurrentActivation: this.recurrentActivation };
  }
}
