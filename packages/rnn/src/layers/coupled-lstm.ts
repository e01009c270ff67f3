import { type LayerConfig, assertFiniteNumber } from '@baihua/core';
import { CoupledLstmCell } from '../cells/coupled-lstm-cell.js';
import type { LstmOptions } from './lstm.js';
import { RecurrentLayer, type RecurrentLayerSpec } from './recurrent-layer.js';

/**
 * The coupled-gate LSTM as a core layer ({@link CoupledLstmCell}: i = 1 - f; gates f, g, o).
 * Parameters 3 units (features + units + 1), 75% of the LSTM.
 *
 * @example
 * const layer = new CoupledLSTM({ units: 32, returnSequences: true });
 *
 * In plain words: one decision for forgetting and writing, as one station of a model.
 */
export class CoupledLSTM extends RecurrentLayer {
  readonly forgetBias: number;
  constructor(options: LstmOptions) {
    super(options, 'rnn.CoupledLSTM');
    this.forgetBias = options.forgetBias ?? 1;
    assertFiniteNumber('rnn.CoupledLSTM', 'forgetBias', this.forgetBias);
  }
  protected spec(): RecurrentLayerSpec {
    return {
      gateCount: 3,
      initialBias: { gate: 0, value: this.forgetBias },
      makeCell: (weights) => new CoupledLstmCell({ weights }),
    };
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), forgetBias: this.forgetBias };
  }
}
