import * as tf from '@tensorflow/tfjs-core';
import type { CellOptions, ExtraParameter } from './cell-weights.js';
import { GatedCell } from './gated-cell.js';
import type { LstmState } from './recurrent-cell.js';

/** Options of {@link LstmCell}. */
export interface LstmCellOptions extends CellOptions {
  /** Initial value of the forget-gate bias when the cell creates its weights (default 1, as Keras' unit_forget_bias). */
  forgetBias?: number;
}

/**
 * The LSTM cell of the seed, gates fused in the order i, f, g (= C~), o (PyTorch's and Keras' order):
 * f_t = σ(W_f [h_{t-1}, x_t] + b_f), i_t = σ(W_i [h_{t-1}, x_t] + b_i), C~_t = tanh(W_C [h_{t-1}, x_t] + b_C),
 * C_t = f_t * C_{t-1} + i_t * C~_t, o_t = σ(W_o [h_{t-1}, x_t] + b_o), h_t = o_t * tanh(C_t).
 * Shapes: x [batch, inputSize], state { hidden, cell } each [batch, hiddenSize].
 * Weights (keras layout): inputWeights [inputSize, 4H], recurrentWeights [H, 4H], inputBias [4H]
 * (and recurrentBias [4H] when imported from PyTorch); parameters 4H (inputSize + H + 1).
 *
 * @example
 * const cell = new LstmCell({ inputSize: 3, hiddenSize: 8 });
 * const next = cell.step(x, cell.zeroState(2)); // { hidden, cell }
 *
 * In plain words: a worktable (h) and an archive (C); the forget gate clears old files, the input
 * gate files new ones, the output gate decides what goes on the table.
 */
export class LstmCell extends GatedCell<LstmState> {
  readonly kind: string = 'lstm';
  readonly stateNames = ['hidden', 'cell'] as const;

  /** `functionName` and `extra` are for subclasses (the peephole cell); leave them out. */
  constructor(options: LstmCellOptions, functionName = 'LstmCell', extra?: ExtraParameter[]) {
    const forgetBias = options.forgetBias ?? 1;
    super(functionName, 4, options, { recurrentBias: false, biasInit: (gate) => (gate === 1 ? forgetBias : 0), extra });
  }

  /** The pre-activations of the four gates, [batch, 4H] split into i, f, g, o. */
  protected gatePreactivations(
    projected: tf.Tensor2D,
    hidden: tf.Tensor2D,
  ): [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D] {
    return this.splitGates(tf.add(projected, this.projectRecurrent(hidden))) as [
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor2D,
    ];
  }

  stepProjected(projected: tf.Tensor2D, state: LstmState): LstmState {
    return tf.tidy(() => {
      const [i, f, g, o] = this.gatePreactivations(projected, state.hidden);
      const cell = tf.add(tf.mul(tf.sigmoid(f), state.cell), tf.mul(tf.sigmoid(i), tf.tanh(g))) as tf.Tensor2D;
      const hidden = tf.mul(tf.sigmoid(o), tf.tanh(cell)) as tf.Tensor2D;
      return { hidden, cell };
    });
  }
}
