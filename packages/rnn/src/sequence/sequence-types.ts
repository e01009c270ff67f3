import type * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '@baihua/core';
import type { RecurrentCell, RecurrentState } from '../cells/recurrent-cell.js';

/** Options of {@link runSequence} and of every sequence layer's `run`. */
export interface RunSequenceOptions<F = unknown> {
  /** The state before the first step (default zeros): `{ hidden }` / `{ hidden, cell }` for a cell,
   * `{ forward, backward }` for a Bidirectional, one entry per layer for a StackedRnn. */
  initialState?: F;
  /** true (default): outputs [batch, time, units]; false: only the last output [batch, units]. */
  returnSequences?: boolean;
  /** Run from the last step to the first; outputs stay aligned to input time. */
  reverse?: boolean;
  /** [batch, time], 1 (or true) where a step is real, 0 where it is padding. A masked step keeps the
   * previous state and outputs zeros. */
  mask?: tf.Tensor;
}

/** The keys of {@link RunSequenceOptions}, for the unknown-key check. */
export const runSequenceOptionKeys = ['initialState', 'returnSequences', 'reverse', 'mask'] as const;

/** What a sequence run returns: the outputs and the named final state. */
export interface SequenceResult<F> {
  /** [batch, time, units] (returnSequences) or [batch, units] (the hidden state after the last valid step). */
  outputs: tf.Tensor;
  finalState: F;
}

/**
 * A layer that runs over a whole sequence: Bidirectional, StackedRnn, or your own. It is a core
 * `Layer` whose children hold the weights; `stateParts` names the models whose states make up its
 * state (`{ forward, backward }`, or one per layer), so one check covers every initial state.
 */
export interface SequenceLayer<F = unknown> extends Layer {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly stateParts: Readonly<Record<string, SequenceModel>> | readonly SequenceModel[];
  run(x: tf.Tensor, options?: RunSequenceOptions<F>): SequenceResult<F>;
}

/** What {@link runSequence} accepts. */
export type SequenceModel = RecurrentCell<RecurrentState> | SequenceLayer;

/** The final-state type of a cell or layer. */
export type FinalStateOf<M> = M extends RecurrentCell<infer S> ? S : M extends SequenceLayer<infer F> ? F : never;
