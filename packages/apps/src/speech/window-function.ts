import { ArgumentError, assertOneOf, assertPositiveInteger } from '@baihua/core';

/** The analysis windows Kaldi offers (torchaudio.compliance.kaldi's `window_type`). */
export const windowTypes = ['povey', 'hann', 'hamming', 'rectangular', 'blackman'] as const;
/** One of {@link windowTypes}. */
export type WindowType = (typeof windowTypes)[number];

/**
 * The analysis window of `length` samples, as Kaldi (and torchaudio.compliance.kaldi) defines it, with
 * a = 2 pi / (length - 1) (symmetric windows: both ends are sample points):
 * - 'hann': 0.5 - 0.5 cos(a n) (torch.hann_window with periodic=False; Kaldi's "hanning");
 * - 'povey': hann(n)^0.85 (Kaldi's default: like Hann but with gentler shoulders, still 0 at the ends);
 * - 'hamming': 0.54 - 0.46 cos(a n); 'rectangular': 1;
 * - 'blackman': 0.42 - 0.5 cos(a n) + 0.08 cos(2 a n) (Kaldi's blackman_coeff 0.42).
 * Computed in float64.
 *
 * @example
 * windowFunction('hann', 5); // Float64Array [0, 0.5, 1, 0.5, 0]
 *
 * In plain words: the taper that fades each frame in and out so its edges do not click in the spectrum.
 */
export function windowFunction(type: WindowType, length: number): Float64Array {
  assertOneOf('windowFunction', 'type', type, windowTypes);
  assertPositiveInteger('windowFunction', 'length', length);
  if (length < 2 && type !== 'rectangular')
    throw new ArgumentError('windowFunction', `expected length >= 2 for a '${type}' window, got ${length}`);
  const a = (2 * Math.PI) / (length - 1);
  return Float64Array.from({ length }, (_, n) => {
    const hann = 0.5 - 0.5 * Math.cos(a * n);
    switch (type) {
      case 'hann':
        return hann;
      case 'povey':
        return hann ** 0.85;
      case 'hamming':
        return 0.54 - 0.46 * Math.cos(a * n);
      case 'blackman':
        return 0.42 - 0.5 * Math.cos(a * n) + 0.08 * Math.cos(2 * a * n);
      default:
        return 1;
    }
  });
}
