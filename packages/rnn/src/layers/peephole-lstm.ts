import { type LayerConfig, ArgumentError, assertFiniteNumber } from '@baihua/core';
import { PeepholeLstmCell } from '../cells/peephole-lstm-cell.js';
import type { LstmOptions } from './lstm.js';
import { RecurrentLayer, type RecurrentLayerSpec } from './recurrent-layer.js';

/** Options of {@link PeepholeLSTM}. */
export interface PeepholeLstmOptions extends LstmOptions {
  /** 'diagonal' (default) or 'full' (the seed's W [C, h, x]). */
  peephole?: 'diagonal' | 'full';
}

/**
 * The peephole LSTM as a core layer ({@link PeepholeLstmCell}: i and f see C_{t-1}, o sees C_t).
 * Peephole weights start at zero, so an untrained layer behaves as the LSTM.
 * Parameters 4 units (features + units + 1) + 3 units (diagonal) or + 3 units² (full).
 *
 * @example
 * const layer = new PeepholeLSTM({ units: 32, peephole: 'full' });
 *
 * In plain words: the LSTM whose guards may look straight into the vault.
 */
export class PeepholeLSTM extends RecurrentLayer {
  readonly peephole: 'diagonal' | 'full';
  readonly forgetBias: number;
  constructor(options: PeepholeLstmOptions) {
    super(options, 'rnn.PeepholeLSTM');
    this.forgetBias = options.forgetBias ?? 1;
    assertFiniteNumber('rnn.PeepholeLSTM', 'forgetBias', this.forgetBias);
    this.peephole = options.peephole ?? 'diagonal';
    if (this.peephole !== 'diagonal' && this.peephole !== 'full') {
      throw new ArgumentError(
        'rnn.PeepholeLSTM',
        `expected peephole to be 'diagonal' or 'full', got ${JSON.stringify(this.peephole)}`,
      );
    }
  }
  protected spec(): RecurrentLayerSpec {
    const peephole = this.peephole;
    const shape = (units: number) => (peephole === 'diagonal' ? [3, units] : [units, 3 * units]);
    return {
      gateCount: 4,
      initialBias: { gate: 1, value: this.forgetBias },
      extra: [{ name: 'peepholeWeights', shape, initializer: 'zeros' }],
      makeCell: (weights) => new PeepholeLstmCell({ weights: weights as never, peephole }),
    };
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), peephole: this.peephole, forgetBias: this.forgetBias };
  }
}
