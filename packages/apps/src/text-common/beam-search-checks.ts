import {
  ArgumentError,
  assertFiniteNumber,
  assertKnownOptions,
  assertNonNegative,
  assertPositiveInteger,
  assertShape,
} from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import type { BeamSearchOptions, BeamState, DecodeStep, DecodeStepOutput } from './beam-search.js';

/** The checked options of {@link beamSearch} with their defaults, and the batch size B. */
export interface BeamSearchPlan {
  batch: number;
  width: number;
  maxLength: number;
  alpha: number;
  bosId: number;
  eosId: number;
}

/**
 * Checks beamSearch's step function, initial state (a non-empty record of tensors that share their
 * first axis B >= 1) and options. In plain words: refuse a search that could not run before it starts.
 */
export function checkBeamSearchInputs<S extends BeamState>(
  step: DecodeStep<S>,
  initialState: S,
  options: BeamSearchOptions,
): BeamSearchPlan {
  const fn = 'beamSearch';
  if (typeof step !== 'function') throw new ArgumentError(fn, `expected step to be a function, got ${typeof step}`);
  assertKnownOptions(fn, 'options', options, ['beamWidth', 'maxLength', 'lengthPenalty', 'bosId', 'eosId']);
  const { beamWidth = 4, maxLength = 50, lengthPenalty = 0, bosId = 1, eosId = 2 } = options;
  assertPositiveInteger(fn, 'beamWidth', beamWidth);
  assertPositiveInteger(fn, 'maxLength', maxLength);
  assertFiniteNumber(fn, 'lengthPenalty', lengthPenalty);
  assertNonNegative(fn, 'lengthPenalty', lengthPenalty);
  for (const [name, id] of [
    ['bosId', bosId],
    ['eosId', eosId],
  ] as const)
    if (!Number.isInteger(id) || id < 0)
      throw new ArgumentError(fn, `expected ${name} to be a non-negative integer, got ${id}`);
  const entries = initialState !== null && typeof initialState === 'object' ? Object.entries(initialState) : [];
  if (entries.length === 0 || entries.some(([, t]) => !(t instanceof tf.Tensor) || t.rank === 0))
    throw new ArgumentError(fn, 'expected initialState to be a non-empty record of tensors with a batch axis first');
  const batch = ((entries[0] as [string, tf.Tensor])[1].shape[0] ?? 0) as number;
  if (batch === 0) throw new ArgumentError(fn, 'expected initialState with at least one row, got 0');
  for (const [name, t] of entries)
    if (t.shape[0] !== batch)
      throw new ArgumentError(
        fn,
        `expected every initialState tensor to have ${batch} rows, got ${t.shape[0]} in '${name}'`,
      );
  return { batch, width: beamWidth, maxLength, alpha: lengthPenalty, bosId, eosId };
}

/** Checks what step returned for N rows: logits [N, V] with V > eosId, weights [N, S], state rows N. Returns V. */
export function checkStepOutput<S extends BeamState>(out: DecodeStepOutput<S>, rows: number, eosId: number): number {
  const fn = 'beamSearch';
  if (out === null || typeof out !== 'object' || !(out.logits instanceof tf.Tensor))
    throw new ArgumentError(fn, 'expected step to return { logits, state, weights? } with logits a tensor');
  assertShape(fn, 'the logits step returned', out.logits, [rows, null]);
  if (out.weights !== undefined) assertShape(fn, 'the weights step returned', out.weights, [rows, null]);
  for (const [name, t] of Object.entries(out.state ?? {}))
    if (!(t instanceof tf.Tensor) || t.shape[0] !== rows)
      throw new ArgumentError(fn, `expected step's state '${name}' to be a tensor with ${rows} rows`);
  const vocabulary = out.logits.shape[1] as number;
  if (vocabulary <= eosId)
    throw new ArgumentError(fn, `expected logits over more than eosId = ${eosId} tokens, got ${vocabulary}`);
  return vocabulary;
}
