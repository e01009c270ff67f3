import { ArgumentError } from '@baihua/core';

/**
 * The Dice coefficient of two binary masks (values > 0.5 count as inside), flat arrays of equal
 * length: 2 |A n B| / (|A| + |B|), 1 when both are empty.
 *
 * @example
 * diceCoefficient([1, 1, 0, 0], [1, 0, 0, 0]); // 2 * 1 / (2 + 1) = 0.667
 *
 * In plain words: how much the predicted cavity and the true one overlap, 1 for a perfect match.
 */
export function diceCoefficient(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const fn = 'diceCoefficient';
  if (truth?.length === undefined || predicted?.length === undefined)
    throw new ArgumentError(fn, 'expected truth and predicted to be arrays of mask values');
  if (truth.length !== predicted.length)
    throw new ArgumentError(
      fn,
      `expected truth and predicted of the same length, got ${truth.length} and ${predicted.length}`,
    );
  let [overlap, sizes] = [0, 0];
  for (let i = 0; i < truth.length; i++) {
    const a = (truth[i] as number) > 0.5 ? 1 : 0;
    const b = (predicted[i] as number) > 0.5 ? 1 : 0;
    overlap += a & b;
    sizes += a + b;
  }
  return sizes === 0 ? 1 : (2 * overlap) / sizes;
}
