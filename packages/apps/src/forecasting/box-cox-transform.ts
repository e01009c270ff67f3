import { ArgumentError, assertFiniteNumber, assertInRange, assertKnownOptions } from '@baihua/core';
import { assertSeries } from './series-checks.js';

/** Options of {@link fitBoxCox}. */
export interface BoxCoxOptions {
  /** The power; omit to choose it by maximum likelihood on the fitted span, searched in [-1, 2]. */
  lambda?: number;
  /** Added before the power, so that every value is > 0 (1 for counts that reach 0). Default 0. */
  shift?: number;
}

/**
 * The Box-Cox power transform (Box & Cox 1964) with a shift c: z = ((y + c)^lambda - 1) / lambda,
 * z = ln(y + c) at lambda 0; inverse y = (lambda z + 1)^(1 / lambda) - c, where lambda z + 1 < 0
 * (below what the forward map reaches) is read as 0, so the inverse returns -c, the lowest value it
 * can stand for. lambda 0.5 is the square root up to an affine map, 1 the identity. Made by
 * {@link fitBoxCox}; `forward` throws for y + c <= 0.
 *
 * @example
 * const transform = new BoxCoxTransform(0.5, 1);
 * transform.forward([0, 3]);        // [0, 2]: 2 (sqrt(y + 1) - 1)
 * transform.inverse([0, 2]);        // [0, 3]
 *
 * In plain words: count big years on a shrunken ruler, so a peak twice as high does not swing twice as wide.
 */
export class BoxCoxTransform {
  constructor(
    readonly lambda: number,
    readonly shift: number,
  ) {
    assertFiniteNumber('BoxCoxTransform', 'lambda', lambda);
    assertFiniteNumber('BoxCoxTransform', 'shift', shift);
  }

  /** z for each value (each y + shift > 0). */
  forward(series: readonly number[]): number[] {
    assertSeries('BoxCoxTransform.forward', 'series', series, 0);
    const { lambda, shift } = this;
    return Array.from(series, (y, i) => {
      const v = y + shift;
      if (!(v > 0))
        throw new ArgumentError(
          'BoxCoxTransform.forward',
          `expected series[${i}] + shift > 0, got ${y} + ${shift} (raise options.shift)`,
        );
      return lambda === 0 ? Math.log(v) : (v ** lambda - 1) / lambda;
    });
  }

  /** y for each z: back to the series' own units. */
  inverse(transformed: readonly number[]): number[] {
    assertSeries('BoxCoxTransform.inverse', 'transformed', transformed, 0);
    const { lambda, shift } = this;
    return Array.from(transformed, (z) =>
      lambda === 0 ? Math.exp(z) - shift : Math.max(lambda * z + 1, 0) ** (1 / lambda) - shift,
    );
  }
}

/**
 * The profile log-likelihood of lambda under a normal model of the transformed values (up to a
 * constant): -n/2 ln(sigma^2(lambda)) + (lambda - 1) sum ln(y + c), sigma^2 the population variance
 * of z. Values must already satisfy y + c > 0.
 */
function boxCoxLogLikelihood(values: readonly number[], lambda: number, shift: number): number {
  const z = new BoxCoxTransform(lambda, shift).forward(values);
  const n = z.length;
  const mean = z.reduce((a, v) => a + v, 0) / n;
  const variance = z.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
  const logSum = values.reduce((a, y) => a + Math.log(y + shift), 0);
  return (-n / 2) * Math.log(variance) + (lambda - 1) * logSum;
}

/** The lambda in [-1, 2] of largest likelihood: a grid of step 0.05, then golden-section search around its best. */
function maximumLikelihoodLambda(values: readonly number[], shift: number): number {
  const at = (lambda: number) => boxCoxLogLikelihood(values, lambda, shift);
  let best = -1;
  for (let k = 1; k <= 60; k++) if (at(-1 + k * 0.05) > at(best)) best = -1 + k * 0.05;
  let lo = Math.max(-1, best - 0.05);
  let hi = Math.min(2, best + 0.05);
  const ratio = (Math.sqrt(5) - 1) / 2;
  while (hi - lo > 1e-9) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (at(a) >= at(b)) hi = b;
    else lo = a;
  }
  return (lo + hi) / 2;
}

/**
 * A {@link BoxCoxTransform} fitted on one span (the training span): `lambda` as given, or the
 * maximum-likelihood lambda of that span (Box & Cox 1964) when omitted. The span needs >= 2 values,
 * each with y + shift > 0, not all equal.
 *
 * @example
 * const transform = fitBoxCox(series.slice(0, testStart), { shift: 1 }); // sunspot counts reach 0
 * transform.lambda; // about 0.35 for the yearly sunspot numbers 1700 .. 1948
 *
 * In plain words: let the training years say how strongly big values should be shrunk.
 */
export function fitBoxCox(trainingSpan: readonly number[], options: BoxCoxOptions = {}): BoxCoxTransform {
  assertKnownOptions('fitBoxCox', 'options', options, ['lambda', 'shift']);
  const { lambda, shift = 0 } = options;
  assertFiniteNumber('fitBoxCox', 'options.shift', shift);
  if (lambda !== undefined) assertInRange('fitBoxCox', 'options.lambda', lambda, { min: -1, max: 2 });
  assertSeries('fitBoxCox', 'trainingSpan', trainingSpan, 2);
  const lowest = Math.min(...trainingSpan);
  if (!(lowest + shift > 0))
    throw new ArgumentError(
      'fitBoxCox',
      `expected trainingSpan + options.shift > 0, got a value of ${lowest} with shift ${shift}`,
    );
  if (lambda === undefined && lowest === Math.max(...trainingSpan))
    throw new ArgumentError('fitBoxCox', `expected a trainingSpan that varies (to fit lambda), got all ${lowest}`);
  return new BoxCoxTransform(lambda ?? maximumLikelihoodLambda(trainingSpan, shift), shift);
}
