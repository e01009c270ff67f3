import type * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '@baihua/core';

/** State of a cell with one vector: Elman and GRU. `hidden` is [batch, hiddenSize]. */
export interface HiddenState {
  hidden: tf.Tensor2D;
}

/** State of the LSTM family: the working memory `hidden` and the long-term memory `cell`, both [batch, hiddenSize]. */
export interface LstmState {
  hidden: tf.Tensor2D;
  cell: tf.Tensor2D;
}

/** Any cell state: `{ hidden }` or `{ hidden, cell }`. */
export type RecurrentState = HiddenState | LstmState;

/**
 * How a weight matrix is laid out. `'keras'`: [in, gates * hidden], used as `x W` (Keras, tfjs-layers,
 * and the default for cells that create their own weights). `'torch'`: [gates * hidden, in], used as
 * `x W^T` (PyTorch's `weight_ih_l0`). The layout is honoured by the matMul itself, so imported
 * weights keep their shape.
 */
export type WeightLayout = 'keras' | 'torch';

/**
 * What every recurrent cell offers: one time step, split so that the input side of all gates can be
 * projected for every time step at once (one matMul for the whole sequence) and the recurrent side
 * costs one matMul per step for all gates together. A cell is a core `Layer`: it owns its weights
 * (`weights()`, `getWeights()`, `setWeights()`, `countParams()`, `dispose()` as for Dense), and
 * `apply(x)` runs it over x [batch, time, inputSize] from the zero state.
 *
 * In plain words: a cell is the relay runner of the seed's relay game, `step` is one hand-over.
 */
export interface RecurrentCell<S extends RecurrentState = RecurrentState> extends Layer {
  /** 'elman', 'lstm', 'peephole-lstm', 'coupled-lstm' or 'gru'. */
  readonly kind: string;
  readonly inputSize: number;
  readonly hiddenSize: number;
  /** Number of gate blocks in the fused weight matrices (Elman 1, LSTM 4, coupled 3, GRU 3). */
  readonly gateCount: number;
  /** The names of the state tensors, e.g. ['hidden', 'cell']. */
  readonly stateNames: readonly string[];
  /** x W + b for every gate: [n, inputSize] -> [n, gateCount * hiddenSize]. */
  projectInput(x: tf.Tensor2D): tf.Tensor2D;
  /** One step from an already projected input [batch, gateCount * hiddenSize]. */
  stepProjected(projected: tf.Tensor2D, state: S): S;
  /** One step: x [batch, inputSize] and the previous state -> the new state (its `hidden` is the output). */
  step(x: tf.Tensor2D, state: S): S;
  /** Zeros for every state tensor, [batch, hiddenSize]. */
  zeroState(batch: number): S;
}

/**
 * True when `value` looks like a {@link RecurrentCell} (it has `stepProjected`, `projectInput`, `stateNames`).
 * @example
 * isRecurrentCell(new GruCell({ inputSize: 3, hiddenSize: 4 })); // true
 * In plain words: is this a relay runner?
 */
export function isRecurrentCell(value: unknown): value is RecurrentCell {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RecurrentCell).stepProjected === 'function' &&
    typeof (value as RecurrentCell).projectInput === 'function' &&
    Array.isArray((value as RecurrentCell).stateNames)
  );
}
