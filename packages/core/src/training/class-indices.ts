import { ArgumentError } from '../errors/argument-error.js';

/**
 * Checks class-index labels once per dataset: every value must be an integer in [0, K), K the
 * model's output width. A label of 7 with K = 3 would otherwise train silently on a wrong target
 * (a one-hot of 7 over 3 classes is all zeros). Throws naming the first bad row, its value and K.
 * `values` are flat; with `rowSize` > 1 (labels [N, T] for outputs [N, T, K]) the position in the row is named too.
 *
 * @example checkClassIndices('fit', 'data.y', [0, 2, 7], 3);
 * // fit: expected data.y class indices in [0, 3) (the model's output width), got 7 at row 2
 *
 * In plain words: every answer key must name one of the model's classes.
 */
export function checkClassIndices(
  fn: string,
  argument: string,
  values: ArrayLike<number>,
  numClasses: number,
  rowSize = 1,
): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (Number.isInteger(value) && value >= 0 && value < numClasses) continue;
    const where = rowSize > 1 ? `row ${Math.floor(i / rowSize)}, position ${i % rowSize}` : `row ${i}`;
    throw new ArgumentError(
      fn,
      `expected ${argument} class indices in [0, ${numClasses}) (the model's output width), got ${value} at ${where}`,
    );
  }
}
