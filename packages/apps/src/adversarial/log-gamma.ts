const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/**
 * ln Gamma(z) for z > 0 by the Lanczos approximation (g = 7, nine coefficients; relative error
 * about 1e-15), with the reflection Gamma(z) Gamma(1 - z) = pi / sin(pi z) below 0.5.
 *
 * @example
 * logGamma(5); // ln 24 = 3.1780538303479458
 *
 * In plain words: the logarithm of the factorial, extended to every positive number.
 */
export function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let sum = lanczos[0] as number;
  for (let i = 1; i < lanczos.length; i++) sum += (lanczos[i] as number) / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Modified Lentz evaluation of a continued fraction b0 + a1/(b1 + a2/(b2 + ...)) given term(m) = [a_m, b_m]. */
export function continuedFraction(first: number, term: (m: number) => [number, number]): number {
  const tiny = 1e-300;
  let f = first === 0 ? tiny : first;
  let c = f;
  let d = 0;
  for (let m = 1; m <= 10_000; m++) {
    const [a, b] = term(m);
    d = b + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = b + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return f;
}
