import * as tf from '@tensorflow/tfjs-core';
import type { CellOptions } from './cell-weights.js';
import { GatedCell } from './gated-cell.js';
import type { LstmState } from './recurrent-cell.js';

/** Options of {@link CoupledLstmCell}. */
export interface CoupledLstmCellOptions extends CellOptions {
  /** Initial forget-gate bias when the cell creates its weights (default 1). */
  forgetBias?: number;
}

/**
 * The coupled input-forget gate LSTM of the seed: no input gate, i_t = 1 - f_t.
 * f_t = σ(W_f [h_{t-1}, x_t] + b_f), C~_t = tanh(W_C [h_{t-1}, x_t] + b_C),
 * C_t = f_t * C_{t-1} + (1 - f_t) * C~_t, o_t = σ(W_o [h_{t-1}, x_t] + b_o), h_t = o_t * tanh(C_t).
 * Gates fused in the order f, g (= C~), o. Shapes as {@link LstmCell}; weights [inputSize, 3H],
 * [H, 3H], [3H]: parameters 3H (inputSize + H + 1), 75% of the LSTM's.
 * It equals an LSTM whose input-gate weights and bias are the negated forget-gate ones (σ(-a) = 1 - σ(a)).
 *
 * @example
 * const cell = new CoupledLstmCell({ inputSize: 3, hiddenSize: 8 });
 * const next = cell.step(x, cell.zeroState(2));
 *
 * In plain words: a locker where every old item thrown out makes room for exactly one new one.
 */
export class CoupledLstmCell extends GatedCell<LstmState> {
  readonly kind = 'coupled-lstm';
  readonly stateNames = ['hidden', 'cell'] as const;

  constructor(options: CoupledLstmCellOptions) {
    const forgetBias = options.forgetBias ?? 1;
    super('CoupledLstmCell', 3, options, { recurrentBias: false, biasInit: (gate) => (gate === 0 ? forgetBias : 0) });
  }

  stepProjected(projected: tf.Tensor2D, state: LstmState): LstmState {
    return tf.tidy(() => {
      const [f, g, o] = this.splitGates(tf.add(projected, this.projectRecurrent(state.hidden))) as [
        tf.Tensor2D,
        tf.Tensor2D,
        tf.Tensor2D,
      ];
      const forget = tf.sigmoid(f);
      const candidate = tf.tanh(g);
      // C = f * C_prev + (1 - f) * C~, written as C~ + f * (C_prev - C~): one multiply fewer.
      const cell = tf.add(candidate, tf.mul(forget, tf.sub(state.cell, candidate))) as tf.Tensor2D;
      const hidden = tf.mul(tf.sigmoid(o), tf.tanh(cell)) as tf.Tensor2D;
      return { hidden, cell };
    });
  }
}
