/** The distance LIME's kernel uses between a sample's mask z' and the original x' = (1, ..., 1). */
export type LimeDistance = 'cosine' | 'l2';

/**
 * LIME's locality kernel pi_x(z) = exp(-D(x', z')^2 / sigma^2) for each of S binary masks
 * (S x M row-major), x' the all-ones mask: D = 1 - cos(x', z') (cosine; the all-zero mask is at
 * distance 1) or |x' - z'|_2 (L2, the square root of the number of segments switched off).
 * The lime package's code takes the square root of this kernel (its width is sigma * sqrt(2)).
 *
 * @example
 * limeKernel(Uint8Array.of(1, 1, 1, 0), 2, 2, 'cosine', 0.25); // [1, exp(-(1 - 1/sqrt 2)^2 / 0.0625)]
 *
 * In plain words: samples that look more like the real image count more in the fit.
 */
export function limeKernel(
  masks: Uint8Array,
  samples: number,
  m: number,
  distance: LimeDistance,
  sigma: number,
): Float64Array {
  const weights = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    let on = 0;
    for (let j = 0; j < m; j++) on += masks[s * m + j] as number;
    // cos(1, z) = |z|_1 / (sqrt(M) sqrt(|z|_1)) for a binary z.
    const d = distance === 'l2' ? Math.sqrt(m - on) : on === 0 ? 1 : 1 - Math.sqrt(on / m);
    weights[s] = Math.exp(-(d * d) / (sigma * sigma));
  }
  return weights;
}
