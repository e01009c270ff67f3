import { ArgumentError, assertDtype, assertKnownOptions, assertRank, assertShape } from '@baihua/core';
import type * as tf from '@tensorflow/tfjs-core';
import type { AttentionDecoderState, DecoderStartOptions } from './attention-decoder.js';

/** The sizes a decoder check needs. */
interface DecoderSizes {
  memorySize: number;
  hiddenSize: number;
}

/**
 * Checks {@link AttentionDecoder.start}'s memory [N, S, memorySize] (S >= 1), mask [N, S] and
 * initial states [N, H]; returns N and S.
 * In plain words: the memory must have the width the decoder was made for, and at least one position.
 */
export function checkDecoderStart(
  fn: string,
  decoder: DecoderSizes,
  memory: tf.Tensor,
  options: DecoderStartOptions,
): { batch: number; steps: number } {
  assertKnownOptions(fn, 'options', options, ['memoryMask', 'hidden', 'cell']);
  assertRank(fn, 'memory', memory, 3);
  assertDtype(fn, 'memory', memory, 'float32');
  const [batch, steps] = memory.shape as [number, number, number];
  if (batch === 0 || steps === 0)
    throw new ArgumentError(fn, `expected a memory with at least one row and one position, got [${memory.shape}]`);
  assertShape(fn, 'memory', memory, [null, null, decoder.memorySize]);
  if (options.memoryMask !== undefined) assertShape(fn, 'options.memoryMask', options.memoryMask, [batch, steps]);
  for (const name of ['hidden', 'cell'] as const) {
    const given = options[name];
    if (given !== undefined) assertShape(fn, `options.${name}`, given, [batch, decoder.hiddenSize]);
  }
  return { batch, steps };
}

/** Checks a step's tokens: int32 [N], N the state's rows. */
export function checkDecoderTokens(
  fn: string,
  _decoder: DecoderSizes,
  tokens: tf.Tensor,
  state: AttentionDecoderState,
): void {
  assertRank(fn, 'tokens', tokens, 1);
  assertDtype(fn, 'tokens', tokens, 'int32');
  assertShape(fn, 'tokens', tokens, [state.hidden.shape[0]]);
}

/** Checks teacher-forcing targets: int32 [N, T] with T >= 1, N the state's rows. */
export function checkTargetIds(fn: string, _decoder: DecoderSizes, targetIds: tf.Tensor, state: AttentionDecoderState) {
  assertRank(fn, 'targetIds', targetIds, 2);
  assertDtype(fn, 'targetIds', targetIds, 'int32');
  assertShape(fn, 'targetIds', targetIds, [state.hidden.shape[0], null]);
  if (targetIds.shape[1] === 0) throw new ArgumentError(fn, 'expected targetIds with at least one step, got 0');
}
