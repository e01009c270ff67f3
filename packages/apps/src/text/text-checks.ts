import { ArgumentError } from '@baihua/core';

/**
 * Checks that `ids` is an array of at least `minLength` integer ids in 0..vocabularySize-1, naming
 * the function, the argument and the first bad entry.
 * @example
 * checkIds('perplexity', 'ids', [4, 5, 6], vocabulary.size, 2);
 * In plain words: is this a readable piece of encoded text?
 */
export function checkIds(
  fn: string,
  argument: string,
  ids: unknown,
  vocabularySize: number,
  minLength: number,
): asserts ids is readonly number[] {
  if (!Array.isArray(ids))
    throw new ArgumentError(fn, `expected ${argument} to be an array of token ids, got ${describe(ids)}`);
  if (ids.length < minLength)
    throw new ArgumentError(fn, `expected ${argument} to hold at least ${minLength} ids, got ${ids.length}`);
  const bad = ids.findIndex((id) => !Number.isInteger(id) || id < 0 || id >= vocabularySize);
  if (bad >= 0)
    throw new ArgumentError(
      fn,
      `expected ${argument} to be ids in 0..${vocabularySize - 1}, got ${String(ids[bad])} at index ${bad}`,
    );
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value;
}
