import { ArgumentError } from '@baihua/core';
import { continuedFraction, logGamma } from './log-gamma.js';

/** Lentz's continued fraction of the incomplete beta (Numerical Recipes' betacf), for x < (a+1)/(a+b+2). */
function betaFraction(x: number, a: number, b: number): number {
  return continuedFraction(1, (m) => {
    const k = Math.floor(m / 2);
    if (m % 2 === 0) return [(k * (b - k) * x) / ((a + 2 * k - 1) * (a + 2 * k)), 1];
    return [-((a + k) * (a + b + k) * x) / ((a + 2 * k) * (a + 2 * k + 1)), 1];
  });
}

/**
 * The regularised incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), the CDF of
 * Beta(a, b) at x, by its continued fraction (using I_x(a, b) = 1 - I_{1-x}(b, a) where that
 * converges faster). a, b > 0; x in [0, 1].
 *
 * @example
 * regularizedBeta(0.4, 2.5, 4.5); // 0.6182995875520748 (scipy.stats.beta.cdf)
 *
 * In plain words: the chance that a Beta(a, b) random number is at most x.
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new ArgumentError('regularizedBeta', `expected a, b > 0, got a=${a}, b=${b}`);
  if (!(x >= 0 && x <= 1)) throw new ArgumentError('regularizedBeta', `expected x in [0, 1], got ${x}`);
  if (x === 0 || x === 1) return x;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return front / a / betaFraction(x, a, b);
  return 1 - front / b / betaFraction(1 - x, b, a);
}

/**
 * The q-quantile of Beta(a, b): the x with I_x(a, b) = q, by bisection on [0, 1] (monotone;
 * 200 halvings, error below 1e-15). q in [0, 1].
 *
 * @example
 * betaQuantile(0.001, 990, 11); // 0.9760361871553114 (scipy.stats.beta.ppf)
 *
 * In plain words: the value a Beta(a, b) random number stays below with probability q.
 */
export function betaQuantile(q: number, a: number, b: number): number {
  if (typeof q !== 'number' || !(q >= 0 && q <= 1))
    throw new ArgumentError('betaQuantile', `expected q in [0, 1], got ${String(q)}`);
  if (!(a > 0 && b > 0)) throw new ArgumentError('betaQuantile', `expected a, b > 0, got a=${a}, b=${b}`);
  if (q === 0 || q === 1) return q;
  let low = 0;
  let high = 1;
  for (let i = 0; i < 200 && high - low > 1e-17; i++) {
    const middle = (low + high) / 2;
    if (regularizedBeta(middle, a, b) < q) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
