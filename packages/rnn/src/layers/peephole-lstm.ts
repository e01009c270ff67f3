import { ArgumentError, type LayerConfig, assertFiniteNumber } from '@baihua/core';
import type { CellOptions } from '../cells/cell-weights.js';
import { PeepholeLstmCell } from '../cells/peephole-lstm-cell.js';
import { type RecurrentActivationName, resolveRecurrentActivation } from '../cells/recurrent-activation.js';
import type { LstmOptions } from './lstm.js';
import { RecurrentLayer } from './recurrent-layer.js';

/** Options of {@link PeepholeLSTM}. */
export interface PeepholeLstmOptions extends LstmOptions {
  /** 'diagonal' (default) or 'full' (the seed's W [C, h, x]). */
  peephole?: 'diagonal' | 'full';
}

/**
 * The peephole LSTM as a core layer ({@link PeepholeLstmCell}: i and f see C_{t-1}, o sees C_t).
 * Peephole weights start at zero, so an untrained layer behaves as the LSTM.
 * countParams() 4 units (features + units + 1) + 3 units (diagonal) or + 3 units² (full).
 *
 * @example
 * const layer = new PeepholeLSTM({ units: 32, peephole: 'full' });
 * const y = layer.apply(tf.ones([2, 5, 3])); // [2, 32]
 *
 * In plain words: the LSTM whose guards may look straight into the vault.
 */
export class PeepholeLSTM extends RecurrentLayer {
  readonly peephole: 'diagonal' | 'full';
  readonly forgetBias: number;
  readonly recurrentActivation: RecurrentActivationName;
  constructor(options: PeepholeLstmOptions) {
    super(options, 'PeepholeLSTM', ['forgetBias', 'recurrentActivation', 'peephole']);
    this.forgetBias = options.forgetBias ?? 1;
    assertFiniteNumber('PeepholeLSTM', 'forgetBias', this.forgetBias);
    this.recurrentActivation = resolveRecurrentActivation('PeepholeLSTM', options.recurrentActivation).name;
    this.peephole = options.peephole ?? 'diagonal';
    if (this.peephole !== 'diagonal' && this.peephole !== 'full') {
      throw new ArgumentError(
        'PeepholeLSTM',
        `expected peephole to be 'diagonal' or 'full', got ${JSON.stringify(this.peephole)}`,
      );
    }
  }
  protected makeCell(common: Omit<CellOptions, 'weights'>): PeepholeLstmCell {
    return new PeepholeLstmCell({
      ...common,
      peephole: this.peephole,
      peepholeInitializer: 'zeros',
      forgetBias: this.forgetBias,
      recurrentActivation: this.recurrentActivation,
    });
  }
  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      peephole: this.peephole,
      forgetBias: this.forgetBias,
      recurrentActivation: this.recurrentActivation,
    };
  }
}
