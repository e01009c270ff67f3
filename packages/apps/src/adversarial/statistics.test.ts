import { describe, expect, test } from 'vitest';
import { betaQuantile, regularizedBeta } from './beta-quantile.js';
import { binomialTestHalf, clopperPearsonLower } from './clopper-pearson.js';
import { logGamma } from './log-gamma.js';
import { normalCdf, normalQuantile } from './normal-quantile.js';

// Reference numbers: scipy 1.17.1 (scipy.stats.norm.ppf / norm.cdf, beta.ppf / beta.cdf,
// binomtest(k, n, 0.5).pvalue), printed with repr() on this machine.
describe('the statistics of randomised smoothing (pure JavaScript)', () => {
  test('logGamma: ln 4! and ln sqrt(pi)', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9); // ln 100! (math.lgamma(101))
  });

  test('normalQuantile and normalCdf against scipy.stats.norm', () => {
    const ppf: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.999, 3.090232306167813],
      [0.01, -2.3263478740408408],
      [1e-6, -4.753424308822899],
      [0.9999, 3.719016485455709],
    ];
    for (const [p, x] of ppf) expect(Math.abs(normalQuantile(p) - x)).toBeLessThan(1e-9);
    expect(normalCdf(0.8)).toBeCloseTo(0.7881446014166034, 13);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300933, 14);
    expect(normalCdf(1.5)).toBeCloseTo(0.9331927987311419, 13);
    expect(() => normalQuantile(1)).toThrow(/normalQuantile: expected p in \(0, 1\), got 1/);
  });

  test('regularizedBeta and betaQuantile against scipy.stats.beta, and closed forms', () => {
    expect(regularizedBeta(0.4, 2.5, 4.5)).toBeCloseTo(0.6182995875520748, 12);
    expect(betaQuantile(0.3, 2.5, 4.5)).toBeCloseTo(0.2509912069664418, 12);
    // Beta(2, 2): I_x = 3x^2 - 2x^3; Beta(a, 1): quantile q^(1/a).
    expect(regularizedBeta(0.3, 2, 2)).toBeCloseTo(3 * 0.09 - 2 * 0.027, 14);
    expect(betaQuantile(0.2, 7, 1)).toBeCloseTo(0.2 ** (1 / 7), 13);
  });

  test('clopperPearsonLower against scipy.stats.beta.ppf(alpha, k, n - k + 1)', () => {
    const cases: [number, number, number, number][] = [
      [990, 1000, 0.001, 0.9760361871553114],
      [50, 100, 0.05, 0.41362171463091174],
      [7, 10, 0.01, 0.29711647232053734],
      [99990, 100000, 0.001, 0.9997586773435911],
      [1, 20, 0.05, 0.0025613787765302806],
      [1000, 1000, 0.001, 0.9931160484209338],
    ];
    for (const [k, n, alpha, expected] of cases) expect(clopperPearsonLower(k, n, alpha)).toBeCloseTo(expected, 11);
    expect(clopperPearsonLower(0, 10, 0.05)).toBe(0);
    expect(() => clopperPearsonLower(11, 10, 0.05)).toThrow(/clopperPearsonLower: expected successes/);
  });

  test('binomialTestHalf against scipy.stats.binomtest(k, n, 0.5).pvalue', () => {
    expect(binomialTestHalf(60, 100)).toBeCloseTo(0.05688793364098089, 13);
    expect(binomialTestHalf(58, 100)).toBeCloseTo(0.13321061920721358, 13);
    expect(binomialTestHalf(40, 100)).toBeCloseTo(0.05688793364098089, 13);
    expect(binomialTestHalf(9, 10)).toBeCloseTo(0.021484375, 14);
    expect(binomialTestHalf(5, 10)).toBe(1);
  });
});
