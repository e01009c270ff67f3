import { ArgumentError, assertFiniteNumber } from '@baihua/core';

/**
 * The fill value of the perturbation methods (what a removed pixel becomes): `fill` if given, a
 * finite number inside the bounds, else the lower bound (black for digits in [0, 1]).
 *
 * @example
 * checkFill('occlusion', undefined, [0, 1]); // 0
 *
 * In plain words: removed pixels are painted with a value the model could really see.
 */
export function checkFill(fn: string, fill: unknown, bounds: readonly [number, number]): number {
  if (fill === undefined) return bounds[0];
  assertFiniteNumber(fn, 'options.fill', fill);
  if (fill < bounds[0] || fill > bounds[1])
    throw new ArgumentError(fn, `expected options.fill in the bounds [${bounds[0]}, ${bounds[1]}], got ${fill}`);
  return fill;
}
