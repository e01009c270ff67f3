import { type LayerConfig, assertFiniteNumber } from '@baihua/core';
import { LstmCell } from '../cells/lstm-cell.js';
import { RecurrentLayer, type RecurrentLayerOptions, type RecurrentLayerSpec } from './recurrent-layer.js';

/** Options of {@link LSTM} and {@link CoupledLSTM}. */
export interface LstmOptions extends RecurrentLayerOptions {
  /** Initial forget-gate bias (default 1, Keras' unit_forget_bias; larger keeps memory longer at the start). */
  forgetBias?: number;
}

/**
 * The LSTM as a core layer ({@link LstmCell}; gates i, f, g, o; forget bias starts at 1).
 * x [batch, time, features] -> [batch, units] or [batch, time, units]. Parameters 4 units (features + units + 1).
 *
 * @example
 * const model = new Sequential({ layers: [new LSTM({ units: 32 }), new Dense({ units: 10 })] });
 * await fit(model, { x, y }, { loss, clipNorm: 1 });
 *
 * In plain words: the worktable-and-archive memory of the seed, as one station of a model.
 */
export class LSTM extends RecurrentLayer {
  readonly forgetBias: number;
  constructor(options: LstmOptions) {
    super(options, 'rnn.LSTM');
    this.forgetBias = options.forgetBias ?? 1;
    assertFiniteNumber('rnn.LSTM', 'forgetBias', this.forgetBias);
  }
  protected spec(): RecurrentLayerSpec {
    return {
      gateCount: 4,
      initialBias: { gate: 1, value: this.forgetBias },
      makeCell: (weights) => new LstmCell({ weights }),
    };
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), forgetBias: this.forgetBias };
  }
}
