import * as tf from '@tensorflow/tfjs-core';
import { type Activation, assertFiniteNumber } from '@baihua/core';
import type { CellOptions, ExtraWeight } from './cell-weights.js';
import { GatedCell } from './gated-cell.js';
import { type RecurrentActivationName, resolveRecurrentActivation } from './recurrent-activation.js';
import type { LstmState } from './recurrent-cell.js';

/** Options of {@link LstmCell}. */
export interface LstmCellOptions extends CellOptions {
  /** Initial forget-gate bias when the cell initialises its weights (default 1, as Keras' unit_forget_bias). */
  forgetBias?: number;
  /** σ of the gates i, f, o: 'sigmoid' (default) or 'hardSigmoid' (tfjs-layers' and Keras 2's default). */
  recurrentActivation?: RecurrentActivationName;
}

/** What the peephole subclass adds: its type name, extra weights and option keys. */
export interface LstmCellVariant {
  typeName: string;
  extra: ExtraWeight[];
  optionKeys: readonly string[];
}

/**
 * The LSTM cell of the seed, gates fused in the order i, f, g (= C~), o (PyTorch's and Keras' order):
 * f_t = σ(W_f [h_{t-1}, x_t] + b_f), i_t = σ(W_i [h_{t-1}, x_t] + b_i), C~_t = tanh(W_C [h_{t-1}, x_t] + b_C),
 * C_t = f_t * C_{t-1} + i_t * C~_t, o_t = σ(W_o [h_{t-1}, x_t] + b_o), h_t = o_t * tanh(C_t);
 * σ is `recurrentActivation` (default sigmoid).
 * Shapes: x [batch, inputSize], state { hidden, cell } each [batch, hiddenSize].
 * Weights (keras layout): kernel [inputSize, 4H], recurrentKernel [H, 4H], bias [4H]
 * (and recurrentBias [4H] when imported from PyTorch); countParams() 4H (inputSize + H + 1).
 *
 * @example
 * const cell = new LstmCell({ inputSize: 3, hiddenSize: 8 });
 * const next = cell.step(tf.ones([2, 3]), cell.zeroState(2)); // { hidden, cell }, each [2, 8]
 *
 * In plain words: a worktable (h) and an archive (C); the forget gate clears old files, the input
 * gate files new ones, the output gate decides what goes on the table.
 */
export class LstmCell extends GatedCell<LstmState> {
  readonly kind: string = 'lstm';
  readonly stateNames = ['hidden', 'cell'] as const;
  readonly recurrentActivation: RecurrentActivationName;
  protected readonly gate: Activation;

  /** `variant` is for subclasses (the peephole cell); leave it out. */
  constructor(options: LstmCellOptions, variant?: LstmCellVariant) {
    const typeName = variant?.typeName ?? 'LstmCell';
    const forgetBias = options.forgetBias ?? 1;
    assertFiniteNumber(typeName, 'forgetBias', forgetBias);
    const { name, activation } = resolveRecurrentActivation(typeName, options?.recurrentActivation);
    super(typeName, options, {
      gateCount: 4,
      recurrentBias: false,
      biasInit: (gate) => (gate === 1 ? forgetBias : 0),
      extra: variant?.extra,
      optionKeys: ['forgetBias', 'recurrentActivation', ...(variant?.optionKeys ?? [])],
    });
    this.recurrentActivation = name;
    this.gate = activation;
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
      const cell = tf.add(tf.mul(this.gate(f), state.cell), tf.mul(this.gate(i), tf.tanh(g))) as tf.Tensor2D;
      const hidden = tf.mul(this.gate(o), tf.tanh(cell)) as tf.Tensor2D;
      return { hidden, cell };
    });
  }
}
