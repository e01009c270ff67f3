import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, assertKnownOptions, assertOneOf, assertTensor, describeShape } from '@baihua/core';
import { ElmanCell } from '../cells/elman-cell.js';
import { GruCell } from '../cells/gru-cell.js';
import { LstmCell } from '../cells/lstm-cell.js';
import type { RecurrentActivationName } from '../cells/recurrent-activation.js';
import type { RecurrentCell, RecurrentState } from '../cells/recurrent-cell.js';

/** Keras weights: `layer.get_weights()` / tfjs-layers `layer.getWeights()` order, or by name. */
export type KerasRecurrentWeights =
  | readonly tf.Tensor[]
  | { kernel: tf.Tensor; recurrentKernel: tf.Tensor; bias?: tf.Tensor };

/** Options of {@link fromKeras}. */
export interface FromKerasOptions {
  /** SimpleRNN ('simple'), LSTM or GRU. */
  kind: 'simple' | 'lstm' | 'gru';
  /** GRU's reset_after (default true, Keras 2.3+ and Keras 3; tfjs-layers' default is false). */
  resetAfter?: boolean;
  /** SimpleRNN's activation (default 'tanh'). */
  activation?: 'tanh' | 'relu';
  /**
   * LSTM's and GRU's recurrent_activation: 'sigmoid' (default; Keras 3) or 'hardSigmoid'
   * (tfjs-layers' and Keras 2's default). It must be the one the weights were trained with.
   */
  recurrentActivation?: RecurrentActivationName;
}

/**
 * Builds a cell from Keras weights: kernel [I, G*H], recurrent_kernel [H, G*H], bias [G*H]
 * (GRU with reset_after: [2, 3H], input bias row then recurrent bias row). Gate orders: LSTM i, f, c, o;
 * GRU z, r, h, with Keras' h = z h_prev + (1 - z) h~ (the seed's form with z's weights negated).
 * The values are copied into the cell's own weights (trainable; the given tensors stay yours).
 * A layer built with tfjs-layers' defaults needs `recurrentActivation: 'hardSigmoid'` (and, for a
 * GRU, `resetAfter: false`).
 *
 * @throws ShapeError naming the weight, the expected and the received shape.
 * @example
 * const cell = fromKeras(kerasLstm.getWeights(), { kind: 'lstm', recurrentActivation: 'hardSigmoid' });
 * const { outputs } = runSequence(cell, x);
 *
 * In plain words: read a Keras model's weights in Keras' own order and run the same network here.
 */
export function fromKeras(weights: KerasRecurrentWeights, options: FromKerasOptions): RecurrentCell<RecurrentState> {
  const fn = 'fromKeras';
  if (typeof options !== 'object' || options === null)
    throw new ArgumentError(fn, "expected options { kind: 'simple' | 'lstm' | 'gru' }");
  assertKnownOptions(fn, 'options', options, ['kind', 'resetAfter', 'activation', 'recurrentActivation']);
  assertOneOf(fn, 'kind', options.kind, ['simple', 'lstm', 'gru']);
  if (options.kind === 'simple' && options.recurrentActivation !== undefined)
    throw new ArgumentError(fn, "expected recurrentActivation only with kind 'lstm' or 'gru', got kind 'simple'");
  const { kernel, recurrentKernel, bias } = Array.isArray(weights)
    ? { kernel: weights[0], recurrentKernel: weights[1], bias: weights[2] }
    : (weights as { kernel: tf.Tensor; recurrentKernel: tf.Tensor; bias?: tf.Tensor });
  assertTensor(fn, 'kernel', kernel);
  assertTensor(fn, 'recurrent_kernel', recurrentKernel);
  const gates = { simple: 1, lstm: 4, gru: 3 }[options.kind];
  const resetAfter = options.kind === 'gru' && (options.resetAfter ?? true);
  const hidden = recurrentKernel.shape[0] as number;
  const expect = (name: string, tensor: tf.Tensor, expected: number[]) => {
    if (tensor.rank !== expected.length || tensor.shape.some((s, i) => s !== expected[i])) {
      throw new ShapeError(
        fn,
        `expected ${name} of shape ${describeShape(expected)} (${options.kind}: ${gates} gate(s) x hidden ` +
          `${hidden}), got shape ${describeShape(tensor.shape)}`,
      );
    }
  };
  expect('recurrent_kernel', recurrentKernel, [hidden, gates * hidden]);
  expect('kernel', kernel, [kernel.shape[0] ?? 0, gates * hidden]);
  if (bias !== undefined) {
    assertTensor(fn, 'bias', bias);
    expect('bias', bias, resetAfter ? [2, gates * hidden] : [gates * hidden]);
  }
  const base = { kernel, recurrentKernel, ...(bias ? { bias } : {}) };
  const recurrentActivation = options.recurrentActivation;
  if (options.kind === 'simple') return new ElmanCell({ weights: base, activation: options.activation ?? 'tanh' });
  if (options.kind === 'lstm') return new LstmCell({ weights: base, recurrentActivation });
  const gru = { resetAfter, gateOrder: 'zrn', updateGate: 'previous', recurrentActivation } as const;
  if (!resetAfter || bias === undefined) return new GruCell({ weights: base, ...gru });
  const rows = tf.unstack(bias) as [tf.Tensor, tf.Tensor];
  try {
    return new GruCell({ weights: { kernel, recurrentKernel, bias: rows[0], recurrentBias: rows[1] }, ...gru });
  } finally {
    tf.dispose(rows);
  }
}
