import { ArgumentError } from '@baihua/core';
import { betaQuantile, regularizedBeta } from './beta-quantile.js';

function checkCounts(fn: string, successes: number, trials: number): void {
  if (!Number.isInteger(trials) || trials < 1)
    throw new ArgumentError(fn, `expected trials to be an integer >= 1, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials)
    throw new ArgumentError(fn, `expected successes to be an integer in [0, ${trials}], got ${successes}`);
}

/**
 * The one-sided Clopper-Pearson lower confidence bound on a binomial proportion: with k successes
 * in n trials, p_lower = B^-1(alpha; k, n - k + 1) (the alpha-quantile of Beta(k, n - k + 1)),
 * 0 when k = 0. P(p >= p_lower) >= 1 - alpha. Cohen et al. certify with it.
 *
 * @example
 * clopperPearsonLower(990, 1000, 0.001); // 0.9760361871553114 (scipy.stats.beta.ppf(0.001, 990, 11))
 *
 * In plain words: the smallest success rate still believable, with confidence 1 - alpha, after k of n.
 */
export function clopperPearsonLower(successes: number, trials: number, alpha: number): number {
  checkCounts('clopperPearsonLower', successes, trials);
  if (!(alpha > 0 && alpha < 1))
    throw new ArgumentError('clopperPearsonLower', `expected alpha in (0, 1), got ${alpha}`);
  return successes === 0 ? 0 : betaQuantile(alpha, successes, trials - successes + 1);
}

/**
 * The two-sided exact binomial test of H0: p = 1/2 (Cohen et al.'s PREDICT abstains unless it
 * rejects): p-value = min(1, 2 P(X >= max(k, n - k))) with X ~ Binomial(n, 1/2), computed as
 * P(X >= m) = I_{1/2}(m, n - m + 1). Equals scipy.stats.binomtest(k, n, 0.5).pvalue.
 *
 * @example
 * binomialTestHalf(60, 100); // 0.05688793364098089
 *
 * In plain words: how surprising k heads in n fair coin tosses would be.
 */
export function binomialTestHalf(successes: number, trials: number): number {
  checkCounts('binomialTestHalf', successes, trials);
  const larger = Math.max(successes, trials - successes);
  if (2 * larger === trials) return 1;
  return Math.min(1, 2 * regularizedBeta(0.5, larger, trials - larger + 1));
}
