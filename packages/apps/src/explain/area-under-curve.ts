import { ArgumentError } from '@baihua/core';

/**
 * The area under a curve by the trapezoid rule: sum_k (x_{k+1} - x_k) (y_k + y_{k+1}) / 2, for
 * x and y of the same length >= 2 (x increasing).
 *
 * @example
 * areaUnderCurve([0, 0.5, 1], [1, 0.5, 0]); // 0.5
 *
 * In plain words: how much room lies under the line.
 */
export function areaUnderCurve(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length || x.length < 2)
    throw new ArgumentError(
      'areaUnderCurve',
      `expected x and y of the same length >= 2, got ${x.length} and ${y.length}`,
    );
  let area = 0;
  for (let k = 0; k + 1 < x.length; k++)
    area += ((x[k + 1] as number) - (x[k] as number)) * ((y[k] as number) + (y[k + 1] as number)) * 0.5;
  return area;
}
