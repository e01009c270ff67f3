import * as tf from '@tensorflow/tfjs-core';
import { type Activation, getActivation } from '@baihua/core';
import type { CellOptions } from './cell-weights.js';
import { GatedCell } from './gated-cell.js';
import type { HiddenState } from './recurrent-cell.js';

/**
 * Options of {@link ElmanCell}: the common {@link CellOptions} and the nonlinearity. It has no gate,
 * so it takes no `recurrentActivation` (passing one is an unknown-key error).
 */
export interface ElmanCellOptions extends CellOptions {
  /** The nonlinearity, a function or a name (default 'tanh'; PyTorch also offers 'relu'). */
  activation?: Activation | string;
}

/**
 * The Elman cell, the seed's plain RNN:
 * h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h)  (PyTorch adds a second bias b_hh inside the tanh).
 * Shapes: x [batch, inputSize], state { hidden: [batch, hiddenSize] }.
 * Weights (keras layout): kernel [inputSize, hiddenSize], recurrentKernel [hiddenSize, hiddenSize],
 * bias [hiddenSize]; countParams() hiddenSize * (inputSize + hiddenSize + 1).
 *
 * @example
 * const cell = new ElmanCell({ inputSize: 3, hiddenSize: 8 });
 * const { hidden } = cell.step(tf.ones([2, 3]), cell.zeroState(2)); // [2, 8]
 *
 * In plain words: each runner hears the new word and the previous runner's note, and writes a new note.
 */
export class ElmanCell extends GatedCell<HiddenState> {
  readonly kind = 'elman';
  readonly stateNames = ['hidden'] as const;
  readonly activation: Activation;

  constructor(options: ElmanCellOptions) {
    // Every check runs before super() creates the weights, so a rejected cell leaves no tensor behind.
    const activation = getActivation(options?.activation ?? 'tanh', 'ElmanCell');
    super('ElmanCell', options, { gateCount: 1, recurrentBias: false, optionKeys: ['activation'] });
    this.activation = activation;
  }

  stepProjected(projected: tf.Tensor2D, state: HiddenState): HiddenState {
    return tf.tidy(() => ({
      hidden: this.activation(tf.add(projected, this.projectRecurrent(state.hidden))) as tf.Tensor2D,
    }));
  }
}
