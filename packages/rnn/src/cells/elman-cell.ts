import * as tf from '@tensorflow/tfjs-core';
import { type Activation, getActivation } from '@baihua/core';
import type { CellOptions } from './cell-weights.js';
import { GatedCell } from './gated-cell.js';
import type { HiddenState } from './recurrent-cell.js';

/** Options of {@link ElmanCell}: the common {@link CellOptions} and the nonlinearity. */
export interface ElmanCellOptions extends CellOptions {
  /** The nonlinearity, a function or a name (default 'tanh'; PyTorch also offers 'relu'). */
  activation?: Activation | string;
}

/**
 * The Elman cell, the seed's plain RNN:
 * h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)  (PyTorch adds a second bias b_hh inside the tanh).
 * Shapes: x [batch, inputSize], state { hidden: [batch, hiddenSize] }.
 * Weights (keras layout): inputWeights [inputSize, hiddenSize], recurrentWeights [hiddenSize, hiddenSize],
 * inputBias [hiddenSize]; parameters hiddenSize * (inputSize + hiddenSize + 1).
 *
 * @example
 * const cell = new ElmanCell({ inputSize: 3, hiddenSize: 8 });
 * const { hidden } = cell.step(x, cell.zeroState(2));
 *
 * In plain words: each runner hears the new word and the previous runner's note, and writes a new note.
 */
export class ElmanCell extends GatedCell<HiddenState> {
  readonly kind = 'elman';
  readonly stateNames = ['hidden'] as const;
  readonly activation: Activation;

  constructor(options: ElmanCellOptions) {
    super('ElmanCell', 1, options, { recurrentBias: false });
    this.activation = getActivation(options.activation ?? 'tanh', 'ElmanCell');
  }

  stepProjected(projected: tf.Tensor2D, state: HiddenState): HiddenState {
    return tf.tidy(() => ({
      hidden: this.activation(tf.add(projected, this.projectRecurrent(state.hidden))) as tf.Tensor2D,
    }));
  }
}
