import { ArgumentError, assertKnownOptions, assertPositive, assertPositiveInteger } from '@baihua/core';

/** Options of {@link resample}. */
export interface ResampleOptions {
  /** Sinc zero crossings on each side of the kernel (its length, hence sharpness). Default 16. */
  zeroCrossings?: number;
  /** Cutoff as a fraction of the lower Nyquist frequency, in (0, 1]. Default 0.94. */
  rolloff?: number;
}

const fn = 'resample';

/**
 * Band-limited resampling by windowed-sinc interpolation: output sample m sits at input position
 * p = m fromRate / toRate and is y_m = sum_i x_i c sinc(c (p - i)) w((p - i) / half), with
 * c = rolloff min(1, toRate / fromRate) (the low-pass cutoff, in cycles per 2 input samples),
 * half = zeroCrossings / c input samples and w the Blackman window (about -74 dB sidelobes); samples
 * beyond the ends count as 0. Downsampling thus removes what lies above the new Nyquist frequency
 * instead of folding it back as an alias. Returns ceil(n toRate / fromRate) samples (float64 sums).
 *
 * @example
 * const at16k = resample(samples44k, 44100, 16000);
 *
 * In plain words: re-measure the sound at a different rate without inventing or mirroring pitches.
 */
export function resample(
  signal: Float32Array,
  fromRate: number,
  toRate: number,
  options: ResampleOptions = {},
): Float32Array {
  if (!(signal instanceof Float32Array))
    throw new ArgumentError(
      fn,
      `expected signal to be a Float32Array, got ${signal === null ? 'null' : typeof signal}`,
    );
  assertPositive(fn, 'fromRate', fromRate);
  assertPositive(fn, 'toRate', toRate);
  assertKnownOptions(fn, 'options', options, ['zeroCrossings', 'rolloff']);
  const { zeroCrossings = 16, rolloff = 0.94 } = options;
  assertPositiveInteger(fn, 'options.zeroCrossings', zeroCrossings);
  if (!(rolloff > 0 && rolloff <= 1)) throw new ArgumentError(fn, `expected options.rolloff in (0, 1], got ${rolloff}`);
  const bad = signal.findIndex((x) => !Number.isFinite(x));
  if (bad >= 0) throw new ArgumentError(fn, `expected finite samples, got ${signal[bad]} at sample ${bad}`);
  if (fromRate === toRate) return Float32Array.from(signal);
  const cutoff = rolloff * Math.min(1, toRate / fromRate);
  const half = zeroCrossings / cutoff;
  const out = new Float32Array(Math.ceil((signal.length * toRate) / fromRate));
  for (let m = 0; m < out.length; m++) {
    const p = (m * fromRate) / toRate;
    const first = Math.max(0, Math.ceil(p - half));
    const last = Math.min(signal.length - 1, Math.floor(p + half));
    let sum = 0;
    for (let i = first; i <= last; i++) sum += (signal[i] as number) * kernel(p - i, cutoff, half);
    out[m] = sum;
  }
  return out;
}

function kernel(offset: number, cutoff: number, half: number): number {
  const u = cutoff * offset;
  const sinc = u === 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
  const t = Math.PI * (offset / half);
  return cutoff * sinc * (0.42 + 0.5 * Math.cos(t) + 0.08 * Math.cos(2 * t));
}
