import * as tf from '@tensorflow/tfjs-core';
import { type Activation, assertFiniteNumber, assertOneOf } from '@baihua/core';
import type { CellOptions } from './cell-weights.js';
import { GatedCell } from './gated-cell.js';
import { type RecurrentActivationName, resolveRecurrentActivation } from './recurrent-activation.js';
import type { HiddenState } from './recurrent-cell.js';

/** Options of {@link GruCell}. */
export interface GruCellOptions extends CellOptions {
  /**
   * true (default; PyTorch, Keras `reset_after=True`, cuDNN): h~ = tanh(W_h x + b_in + r * (U_h h + b_hn)).
   * false (the seed, Cho et al. 2014, Keras `reset_after=False`): h~ = tanh(W_h x + b_in + U_h (r * h) + b_hn).
   */
  resetAfter?: boolean;
  /** Order of the gate blocks in the fused weights: 'rzn' (default, PyTorch) or 'zrn' (Keras: z, r, h). */
  gateOrder?: 'rzn' | 'zrn';
  /**
   * 'new' (default, the seed): h_t = (1 - z) h_{t-1} + z h~. 'previous' (PyTorch, Keras):
   * h_t = z h_{t-1} + (1 - z) h~, which is the seed's form with z's weights and biases negated.
   */
  updateGate?: 'new' | 'previous';
  /** Initial update-gate bias when the cell initialises its weights (default 0). */
  updateBias?: number;
  /** σ of the gates r, z: 'sigmoid' (default) or 'hardSigmoid' (tfjs-layers' and Keras 2's default). */
  recurrentActivation?: RecurrentActivationName;
}

/**
 * The GRU of the seed: z_t = σ(W_z [h_{t-1}, x_t]), r_t = σ(W_r [h_{t-1}, x_t]),
 * h~_t = tanh(W [r_t * h_{t-1}, x_t]) (resetAfter false) or tanh(W_x x_t + r_t * (W_h h_{t-1} + b_hn))
 * (resetAfter true, default), h_t = (1 - z_t) h_{t-1} + z_t h~_t; σ is `recurrentActivation`.
 * PyTorch's nn.GRU writes h_t = (1 - z') n + z' h_{t-1}: the same cell with z = 1 - z' = σ(-a'),
 * i.e. its update-gate weights and biases negated; `updateGate: 'previous'` uses PyTorch's form directly.
 * Shapes: x [batch, inputSize], state { hidden: [batch, H] }; weights [inputSize, 3H], [H, 3H],
 * biases [3H] (two with resetAfter); countParams() 3H (inputSize + H + 2) (resetAfter) or 3H (inputSize + H + 1).
 *
 * @example
 * const cell = new GruCell({ inputSize: 3, hiddenSize: 8, resetAfter: false });
 * const { hidden } = cell.step(tf.ones([2, 3]), cell.zeroState(2));
 *
 * In plain words: an all-rounder with one notebook; the update gate decides how much of the page to rewrite.
 */
export class GruCell extends GatedCell<HiddenState> {
  readonly kind = 'gru';
  readonly stateNames = ['hidden'] as const;
  readonly resetAfter: boolean;
  readonly gateOrder: 'rzn' | 'zrn';
  readonly updateGate: 'new' | 'previous';
  readonly recurrentActivation: RecurrentActivationName;
  private readonly gate: Activation;

  constructor(options: GruCellOptions) {
    const resetAfter = options.resetAfter ?? true;
    const gateOrder = options.gateOrder ?? 'rzn';
    const updateBias = options.updateBias ?? 0;
    assertOneOf('GruCell', 'gateOrder', gateOrder, ['rzn', 'zrn']);
    assertOneOf('GruCell', 'updateGate', options.updateGate ?? 'new', ['new', 'previous']);
    assertFiniteNumber('GruCell', 'updateBias', updateBias);
    const updateBlock = gateOrder === 'rzn' ? 1 : 0;
    const { name, activation } = resolveRecurrentActivation('GruCell', options?.recurrentActivation);
    super('GruCell', options, {
      gateCount: 3,
      recurrentBias: resetAfter,
      biasInit: (gate) => (gate === updateBlock ? updateBias : 0),
      optionKeys: ['resetAfter', 'gateOrder', 'updateGate', 'updateBias', 'recurrentActivation'],
    });
    this.resetAfter = resetAfter;
    this.gateOrder = gateOrder;
    this.updateGate = options.updateGate ?? 'new';
    this.recurrentActivation = name;
    this.gate = activation;
  }

  stepProjected(projected: tf.Tensor2D, state: HiddenState): HiddenState {
    return tf.tidy(() => {
      const previous = state.hidden;
      const [xA, xB, xN] = this.splitGates(projected) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      let reset: tf.Tensor2D;
      let update: tf.Tensor2D;
      let candidate: tf.Tensor2D;
      const order = (a: tf.Tensor, b: tf.Tensor) =>
        (this.gateOrder === 'rzn' ? [a, b] : [b, a]) as [tf.Tensor2D, tf.Tensor2D];
      if (this.resetAfter) {
        const [hA, hB, hN] = this.splitGates(this.projectRecurrent(previous)) as [
          tf.Tensor2D,
          tf.Tensor2D,
          tf.Tensor2D,
        ];
        [reset, update] = order(this.gate(tf.add(xA, hA)), this.gate(tf.add(xB, hB)));
        candidate = tf.tanh(tf.add(xN, tf.mul(reset, hN))) as tf.Tensor2D;
      } else {
        // Both orders keep the candidate block last, so r and z share one matMul.
        const [hA, hB] = this.splitGates(this.projectRecurrent(previous, 0, 2), 2) as [tf.Tensor2D, tf.Tensor2D];
        [reset, update] = order(this.gate(tf.add(xA, hA)), this.gate(tf.add(xB, hB)));
        candidate = tf.tanh(
          tf.add(xN, this.projectRecurrent(tf.mul(reset, previous) as tf.Tensor2D, 2, 1)),
        ) as tf.Tensor2D;
      }
      const hidden =
        this.updateGate === 'new'
          ? tf.add(previous, tf.mul(update, tf.sub(candidate, previous)))
          : tf.add(candidate, tf.mul(update, tf.sub(previous, candidate)));
      return { hidden: hidden as tf.Tensor2D };
    });
  }
}
