import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, type InitializerSpec } from '@baihua/core';
import type { CellWeights } from './cell-weights.js';
import { LstmCell, type LstmCellOptions } from './lstm-cell.js';
import type { LstmState } from './recurrent-cell.js';

/** Options of {@link PeepholeLstmCell}. */
export interface PeepholeLstmCellOptions extends LstmCellOptions {
  /**
   * 'diagonal' (default): one weight per unit, p_i * C_{t-1} (Gers & Schmidhuber, ONNX LSTM's `P`);
   * peepholeWeights [3, H], rows i, f, o. 'full': the seed's W [C_{t-1}, h_{t-1}, x_t], a full matrix
   * from the cell state to each gate; peepholeWeights [H, 3H] (keras layout) or [3H, H] (torch layout),
   * blocks i, f, o.
   */
  peephole?: 'diagonal' | 'full';
  /** Initial peephole weights (default: the cell's uniform initialiser; the PeepholeLSTM layer passes 'zeros'). */
  peepholeInitializer?: InitializerSpec;
  weights?: CellWeights & { peepholeWeights: tf.Tensor };
}

/**
 * The peephole LSTM of the seed: the gates also look at the archive C.
 * i_t = σ(W_i [h_{t-1}, x_t] + P_i C_{t-1} + b_i), f_t = σ(W_f [h_{t-1}, x_t] + P_f C_{t-1} + b_f),
 * C_t = f_t * C_{t-1} + i_t * tanh(W_C [h_{t-1}, x_t] + b_C),
 * o_t = σ(W_o [h_{t-1}, x_t] + P_o C_t + b_o) (the output gate sees the new C_t), h_t = o_t * tanh(C_t).
 * P_g C is p_g * C (elementwise) with diagonal peepholes, C P_g with full ones; σ is `recurrentActivation`.
 * Shapes as {@link LstmCell}; countParams() 4H (inputSize + H + 1) + 3H (diagonal) or + 3H² (full).
 * With every peephole weight zero it is exactly the {@link LstmCell}.
 *
 * @example
 * const cell = new PeepholeLstmCell({ inputSize: 3, hiddenSize: 8, peephole: 'full' });
 * const next = cell.step(tf.ones([2, 3]), cell.zeroState(2));
 *
 * In plain words: the guard looks not only at the monitor (h) but straight into the vault (C).
 */
export class PeepholeLstmCell extends LstmCell {
  override readonly kind = 'peephole-lstm';
  readonly peephole: 'diagonal' | 'full';

  constructor(options: PeepholeLstmCellOptions) {
    const peephole = options.peephole ?? 'diagonal';
    if (peephole !== 'diagonal' && peephole !== 'full') {
      throw new ArgumentError(
        'PeepholeLstmCell',
        `expected peephole to be 'diagonal' or 'full', got ${JSON.stringify(peephole)}`,
      );
    }
    super(options, {
      typeName: 'PeepholeLstmCell',
      optionKeys: ['peephole', 'peepholeInitializer'],
      extra: [
        {
          name: 'peepholeWeights',
          initializer: options.peepholeInitializer,
          shape: (h, layout) => (peephole === 'diagonal' ? [3, h] : layout === 'torch' ? [3 * h, h] : [h, 3 * h]),
        },
      ],
    });
    this.peephole = peephole;
  }

  override stepProjected(projected: tf.Tensor2D, state: LstmState): LstmState {
    return tf.tidy(() => {
      const [i, f, g, o] = this.gatePreactivations(projected, state.hidden);
      const [peepI, peepF] = this.peek(state.cell, 0, 2) as [tf.Tensor2D, tf.Tensor2D];
      const cell = tf.add(
        tf.mul(this.gate(tf.add(f, peepF)), state.cell),
        tf.mul(this.gate(tf.add(i, peepI)), tf.tanh(g)),
      ) as tf.Tensor2D;
      const [peepO] = this.peek(cell, 2, 1) as [tf.Tensor2D];
      const hidden = tf.mul(this.gate(tf.add(o, peepO)), tf.tanh(cell)) as tf.Tensor2D;
      return { hidden, cell };
    });
  }

  /** The peephole terms of `count` gates starting at block `from` (i = 0, f = 1, o = 2), each [batch, H]. */
  private peek(cell: tf.Tensor2D, from: number, count: number): tf.Tensor2D[] {
    const weights = this.tensors.peepholeWeights as tf.Tensor2D;
    const h = this.hiddenSize;
    if (this.peephole === 'diagonal') {
      return Array.from(
        { length: count },
        (_, k) => tf.mul(cell, tf.reshape(tf.slice(weights, [from + k, 0], [1, h]), [h])) as tf.Tensor2D,
      );
    }
    const torch = this.weightLayout === 'torch';
    const block = torch
      ? tf.slice(weights, [from * h, 0], [count * h, h])
      : tf.slice(weights, [0, from * h], [h, count * h]);
    const product = tf.matMul(cell, block as tf.Tensor2D, false, torch) as tf.Tensor2D;
    return count === 1 ? [product] : (tf.split(product, count, 1) as tf.Tensor2D[]);
  }
}
