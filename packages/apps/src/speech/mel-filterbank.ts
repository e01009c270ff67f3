import {
  ArgumentError,
  assertFiniteNumber,
  assertKnownOptions,
  assertPositive,
  assertPositiveInteger,
} from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';

/** Options of {@link melFilterbank} (Kaldi's defaults). */
export interface MelFilterbankOptions {
  /** Triangular filters, > 3. Default 23. */
  numMelBins?: number;
  /** DFT size the filters apply to (even). Default 512. */
  fftLength?: number;
  /** Hz. Default 16000. */
  sampleRate?: number;
  /** Lower edge of the first filter, Hz. Default 20. */
  lowFreq?: number;
  /** Upper edge of the last filter, Hz; <= 0 means that much below Nyquist. Default 0 (Nyquist). */
  highFreq?: number;
}

const melKeys = ['numMelBins', 'fftLength', 'sampleRate', 'lowFreq', 'highFreq'] as const;

/** Kaldi's mel scale, mel(f) = 1127 ln(1 + f / 700). */
export function melScale(hertz: number): number {
  return 1127 * Math.log(1 + hertz / 700);
}

/**
 * Kaldi's triangular mel filters as a matrix [fftLength / 2 + 1, numMelBins], so that
 * melEnergies = powerSpectrum [frames, K] x weights. Filter m spans mel(lowFreq) + m d .. + (m + 2) d with
 * d = (mel(highFreq) - mel(lowFreq)) / (numMelBins + 1), peak 1 at its centre, and is linear in mel (not in
 * Hz): weight(k) = max(0, min((mel(f_k) - left) / (centre - left), (right - mel(f_k)) / (right - centre)))
 * at f_k = k sampleRate / fftLength; the Nyquist bin has weight 0 (as torchaudio.compliance.kaldi.fbank).
 * Built in float64, returned as float32.
 *
 * @example
 * const weights = melFilterbank(); // [257, 23]
 *
 * In plain words: pool the many fine pitch bands into a few wide ones spaced the way the ear hears them.
 */
export function melFilterbank(options: MelFilterbankOptions = {}): tf.Tensor2D {
  const fn = 'melFilterbank';
  assertKnownOptions(fn, 'options', options, melKeys);
  const { numMelBins = 23, fftLength = 512, sampleRate = 16000, lowFreq = 20, highFreq = 0 } = options;
  const { weights, bins } = melWeights(fn, { numMelBins, fftLength, sampleRate, lowFreq, highFreq });
  return tf.tensor2d(weights, [bins, numMelBins]);
}

/** The checked filter weights, row-major [bins, numMelBins] (shared with fbank). */
export function melWeights(fn: string, options: Required<MelFilterbankOptions>) {
  const { numMelBins, fftLength, sampleRate, lowFreq, highFreq } = options;
  assertPositiveInteger(fn, 'options.numMelBins', numMelBins);
  if (numMelBins <= 3) throw new ArgumentError(fn, `expected options.numMelBins > 3, got ${numMelBins}`);
  assertPositiveInteger(fn, 'options.fftLength', fftLength);
  if (fftLength % 2 !== 0) throw new ArgumentError(fn, `expected an even options.fftLength, got ${fftLength}`);
  assertPositive(fn, 'options.sampleRate', sampleRate);
  assertFiniteNumber(fn, 'options.lowFreq', lowFreq);
  assertFiniteNumber(fn, 'options.highFreq', highFreq);
  const nyquist = sampleRate / 2;
  const high = highFreq <= 0 ? highFreq + nyquist : highFreq;
  if (!(lowFreq >= 0 && lowFreq < nyquist && high > 0 && high <= nyquist && lowFreq < high))
    throw new ArgumentError(
      fn,
      `expected 0 <= options.lowFreq < highFreq <= Nyquist (${nyquist} Hz), ` +
        `got lowFreq ${lowFreq} and highFreq ${highFreq} (${high} Hz)`,
    );
  const bins = fftLength / 2 + 1;
  const melLow = melScale(lowFreq);
  const delta = (melScale(high) - melLow) / (numMelBins + 1);
  const weights = new Float32Array(bins * numMelBins);
  for (let k = 0; k < bins - 1; k++) {
    const mel = melScale((k * sampleRate) / fftLength);
    for (let m = 0; m < numMelBins; m++) {
      const [left, centre, right] = [melLow + m * delta, melLow + (m + 1) * delta, melLow + (m + 2) * delta];
      const up = (mel - left) / (centre - left);
      const down = (right - mel) / (right - centre);
      weights[k * numMelBins + m] = Math.max(0, Math.min(up, down));
    }
  }
  return { weights, bins };
}
