import * as tf from '@tensorflow/tfjs-core';
import { type Activation, assertFiniteNumber } from '@baihua/core';
import type { CellOptions } from './cell-weights.js';
import { GatedCell } from './gated-cell.js';
import { type RecurrentActivationName, resolveRecurrentActivation } from './recurrent-activation.js';
import type { LstmState } from './recurrent-cell.js';

/** Options of {@link CoupledLstmCell}. */
export interface CoupledLstmCellOptions extends CellOptions {
  /** Initial forget-gate bias when the cell initialises its weights (default 1). */
  forgetBias?: number;
  /** σ of the gates f, o: 'sigmoid' (default) or 'hardSigmoid'. */
  recurrentActivation?: RecurrentActivationName;
}

/**
 * The coupled input-forget gate LSTM of the seed: no input gate, i_t = 1 - f_t.
 * f_t = σ(W_f [h_{t-1}, x_t] + b_f), C~_t = tanh(W_C [h_{t-1}, x_t] + b_C),
 * C_t = f_t * C_{t-1} + (1 - f_t) * C~_t, o_t = σ(W_o [h_{t-1}, x_t] + b_o), h_t = o_t * tanh(C_t);
 * σ is `recurrentActivation` (default sigmoid).
 * Gates fused in the order f, g (= C~), o. Shapes as {@link LstmCell}; weights [inputSize, 3H],
 * [H, 3H], [3H]: countParams() 3H (inputSize + H + 1), 75% of the LSTM's.
 * It equals an LSTM whose input-gate weights and bias are the negated forget-gate ones (σ(-a) = 1 - σ(a)).
 *
 * @example
 * const cell = new CoupledLstmCell({ inputSize: 3, hiddenSize: 8 });
 * const next = cell.step(tf.ones([2, 3]), cell.zeroState(2));
 *
 * In plain words: a locker where every old item thrown out makes room for exactly one new one.
 */
export class CoupledLstmCell extends GatedCell<LstmState> {
  readonly kind = 'coupled-lstm';
  readonly stateNames = ['hidden', 'cell'] as const;
  readonly recurrentActivation: RecurrentActivationName;
  private readonly gate: Activation;

  constructor(options: CoupledLstmCellOptions) {
    const forgetBias = options.forgetBias ?? 1;
    assertFiniteNumber('CoupledLstmCell', 'forgetBias', forgetBias);
    const { name, activation } = resolveRecurrentActivation('CoupledLstmCell', options?.recurrentActivation);
    super('CoupledLstmCell', options, {
      gateCount: 3,
      recurrentBias: false,
      biasInit: (gate) => (gate === 0 ? forgetBias : 0),
      optionKeys: ['forgetBias', 'recurrentActivation'],
    });
    this.recurrentActivation = name;
    this.gate = activation;
  }

  stepProjected(projected: tf.Tensor2D, state: LstmState): LstmState {
    return tf.tidy(() => {
      const [f, g, o] = this.splitGates(tf.add(projected, this.projectRecurrent(state.hidden))) as [
        tf.Tensor2D,
        tf.Tensor2D,
        tf.Tensor2D,
      ];
      const forget = this.gate(f);
      const candidate = tf.tanh(g);
      // C = f * C_prev + (1 - f) * C~, written as C~ + f * (C_prev - C~): one multiply fewer.
      const cell = tf.add(candidate, tf.mul(forget, tf.sub(state.cell, candidate))) as tf.Tensor2D;
      const hidden = tf.mul(this.gate(o), tf.tanh(cell)) as tf.Tensor2D;
      return { hidden, cell };
    });
  }
}
