import { ArgumentError } from '../errors/argument-error.js';

/** Throws unless `value` is a finite number. */
export function assertFiniteNumber(functionName: string, argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ArgumentError(functionName, `expected ${argument} to be a finite number, got ${String(value)}`);
  }
}

/** Throws unless `value` is an integer >= 1 (strides, sizes, counts). */
export function assertPositiveInteger(functionName: string, argument: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ArgumentError(functionName, `expected ${argument} to be a positive integer, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number >= 0 (margins, gammas, temperatures that may be 0). */
export function assertNonNegative(functionName: string, argument: string, value: unknown): asserts value is number {
  assertFiniteNumber(functionName, argument, value);
  if (value < 0) throw new ArgumentError(functionName, `expected ${argument} >= 0, got ${value}`);
}

/** Throws unless `value` is a finite number > 0. */
export function assertPositive(functionName: string, argument: string, value: unknown): asserts value is number {
  assertFiniteNumber(functionName, argument, value);
  if (value <= 0) throw new ArgumentError(functionName, `expected ${argument} > 0, got ${value}`);
}

/** Bounds for `assertInRange`; `min`/`max` are inclusive unless marked exclusive. */
export interface RangeBounds {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

/**
 * Throws unless `value` lies in the interval, e.g. label smoothing in [0, 1):
 * `assertInRange('softmaxCrossEntropy', 'labelSmoothing', eps, { min: 0, max: 1, maxExclusive: true })`.
 */
export function assertInRange(
  functionName: string,
  argument: string,
  value: unknown,
  bounds: RangeBounds,
): asserts value is number {
  assertFiniteNumber(functionName, argument, value);
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false } = bounds;
  const aboveMin = minExclusive ? value > min : value >= min;
  const belowMax = maxExclusive ? value < max : value <= max;
  if (!aboveMin || !belowMax) {
    const interval = `${minExclusive ? '(' : '['}${min}, ${max}${maxExclusive ? ')' : ']'}`;
    throw new ArgumentError(functionName, `expected ${argument} in ${interval}, got ${value}`);
  }
}

/** Throws unless `value` is one of `allowed` (string options such as padding modes). */
export function assertOneOf<T extends string>(
  functionName: string,
  argument: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  if (!allowed.includes(value as T)) {
    throw new ArgumentError(
      functionName,
      `expected ${argument} to be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
}
