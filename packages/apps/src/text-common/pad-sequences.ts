import { ArgumentError, assertKnownOptions, assertPositiveInteger } from '@baihua/core';

/** Options of {@link padSequences}. */
export interface PadSequencesOptions {
  /** Row length; default the longest sequence. Longer sequences are an error, never cut silently. */
  length?: number;
  /** The id written after each sequence. Default 0 (`<pad>`). */
  padId?: number;
}

/**
 * Right-pads id sequences into one row-major [N, length] Int32Array (what `tf.tensor2d(..., 'int32')`
 * and an Embedding with `maskZero` read).
 *
 * In plain words: make every sentence of a batch the same length by filling the end with padding.
 *
 * @example
 * padSequences([[5, 6, 2], [7, 2]]); // { ids: Int32Array [5, 6, 2, 7, 2, 0], shape: [2, 3] }
 */
export function padSequences(
  sequences: readonly (readonly number[])[],
  options: PadSequencesOptions = {},
): { ids: Int32Array; shape: [number, number] } {
  assertKnownOptions('padSequences', 'options', options, ['length', 'padId']);
  if (sequences.length === 0) throw new ArgumentError('padSequences', 'expected at least one sequence, got none');
  const longest = Math.max(...sequences.map((sequence) => sequence.length));
  const { length = longest, padId = 0 } = options;
  assertPositiveInteger('padSequences', 'length', length);
  if (!Number.isInteger(padId))
    throw new ArgumentError('padSequences', `expected padId to be an integer, got ${padId}`);
  if (longest > length) {
    throw new ArgumentError('padSequences', `expected sequences of at most length ${length}, got one of ${longest}`);
  }
  const ids = new Int32Array(sequences.length * length).fill(padId);
  sequences.forEach((sequence, row) => ids.set(sequence, row * length));
  return { ids, shape: [sequences.length, length] };
}
