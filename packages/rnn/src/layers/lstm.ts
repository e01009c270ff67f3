import { type LayerConfig, assertFiniteNumber } from '@baihua/core';
import type { CellOptions } from '../cells/cell-weights.js';
import { LstmCell } from '../cells/lstm-cell.js';
import { type RecurrentActivationName, resolveRecurrentActivation } from '../cells/recurrent-activation.js';
import { RecurrentLayer, type RecurrentLayerOptions } from './recurrent-layer.js';

/** Options of {@link LSTM}, {@link CoupledLSTM} and {@link PeepholeLSTM}. */
export interface LstmOptions extends RecurrentLayerOptions {
  /** Initial forget-gate bias (default 1, Keras' unit_forget_bias; larger keeps memory longer at the start). */
  forgetBias?: number;
  /**
   * σ of the gates: 'sigmoid' (default; PyTorch, Keras 3) or 'hardSigmoid' (tfjs-layers' and
   * Keras 2's default: clip(0.2 x + 0.5, 0, 1)). Set it to what imported weights were trained with.
   */
  recurrentActivation?: RecurrentActivationName;
}

/**
 * The LSTM as a core layer ({@link LstmCell}; gates i, f, g, o; forget bias starts at 1).
 * x [batch, time, features] -> [batch, units] or [batch, time, units]. countParams() 4 units (features + units + 1).
 *
 * @example
 * const model = new Sequential({ layers: [new LSTM({ units: 32 }), new Dense({ units: 10 })] });
 * const y = model.apply(tf.ones([2, 5, 3])); // [2, 10]
 *
 * In plain words: the worktable-and-archive memory of the seed, as one station of a model.
 */
export class LSTM extends RecurrentLayer {
  readonly forgetBias: number;
  readonly recurrentActivation: RecurrentActivationName;
  constructor(options: LstmOptions) {
    super(options, 'LSTM', ['forgetBias', 'recurrentActivation']);
    this.forgetBias = options.forgetBias ?? 1;
    assertFiniteNumber('LSTM', 'forgetBias', this.forgetBias);
    this.recurrentActivation = resolveRecurrentActivation('LSTM', options.recurrentActivation).name;
  }
  protected makeCell(common: Omit<CellOptions, 'weights'>): LstmCell {
    return new LstmCell({ ...common, forgetBias: this.forgetBias, recurrentActivation: this.recurrentActivation });
  }
  override getConfig(): LayerConfig {
    return { ...super.getConfig(), forgetBias: this.forgetBias, recurrentActivation: this.recurrentActivation };
  }
}
