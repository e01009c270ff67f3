import { ArgumentError, assertKnownOptions, assertPositiveInteger } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { frameCount } from './frame-signal.js';
import { type SpectrumPlan, framedSpectrum, splitSpectrum, unflattenFrames } from './framed-spectrum.js';
import { nextPowerOfTwo } from './real-dft-matrix.js';
import { assertSignal } from './signal-checks.js';
import { type WindowType, windowFunction, windowTypes } from './window-function.js';

/** Options of {@link stft} and powerSpectrogram; sizes in samples. */
export interface StftOptions {
  /** Samples per frame. Default 400 (25 ms at 16 kHz). */
  frameLength?: number;
  /** Samples between frame starts. Default 160 (10 ms at 16 kHz). */
  frameStep?: number;
  /** DFT size, even and >= frameLength; the frame is zero-padded at its end. Default: the next power of two. */
  fftLength?: number;
  /** A window name (see windowFunction) or frameLength weights. Default 'hann' (symmetric). */
  window?: WindowType | ArrayLike<number>;
}

const stftKeys = ['frameLength', 'frameStep', 'fftLength', 'window'] as const;

/**
 * Short-time Fourier transform: X[f, k] = sum_j w_j x[f * frameStep + j] e^(-2 pi i j k / fftLength)
 * for the whole frames f (edges snipped) and k = 0 .. fftLength / 2. Signal [n] or [batch, n] float32;
 * returns { real, imag }, each [frames, K] or [batch, frames, K], K = fftLength / 2 + 1. The DFT is a
 * matrix product with precomputed cos/sin matrices, so it runs and differentiates on cpu, wasm and webgpu.
 *
 * @example
 * const { real, imag } = stft(signal, { frameLength: 400, frameStep: 160 }); // [frames, 257] each
 *
 * In plain words: slice the sound into short overlapping pieces and measure how much of each pitch is in each.
 */
export function stft(
  signal: tf.Tensor1D | tf.Tensor2D,
  options: StftOptions = {},
): { real: tf.Tensor; imag: tf.Tensor } {
  const plan = stftPlan('stft', signal, options);
  return tf.tidy(() => {
    const { spectrum } = framedSpectrum(asBatch(signal), plan);
    const parts = splitSpectrum(spectrum);
    const batch = signal.rank === 2 ? signal.shape[0] : undefined;
    return {
      real: unflattenFrames(parts.real, batch, plan.frames),
      imag: unflattenFrames(parts.imag, batch, plan.frames),
    };
  });
}

/** Checks stft's arguments and resolves its options to a plan (shared with powerSpectrogram). */
export function stftPlan(functionName: string, signal: unknown, options: StftOptions): SpectrumPlan {
  assertKnownOptions(functionName, 'options', options, stftKeys);
  const { frameLength = 400, frameStep = 160, window = 'hann' } = options;
  assertPositiveInteger(functionName, 'options.frameLength', frameLength);
  assertPositiveInteger(functionName, 'options.frameStep', frameStep);
  const { fftLength = nextPowerOfTwo(frameLength) } = options;
  assertPositiveInteger(functionName, 'options.fftLength', fftLength);
  if (fftLength % 2 !== 0 || fftLength < frameLength)
    throw new ArgumentError(
      functionName,
      `expected options.fftLength even and >= frameLength ${frameLength}, got ${fftLength}`,
    );
  assertSignal(functionName, signal, frameLength, `one frame of options.frameLength`);
  const weights = resolveWindow(functionName, window, frameLength);
  const samples = (signal as tf.Tensor).shape.at(-1) as number;
  const frames = frameCount(samples, frameLength, frameStep, true);
  return {
    frameLength,
    frameStep,
    fftLength,
    frames,
    window: weights,
    preemphasis: 0,
    removeDcOffset: false,
    snipEdges: true,
  };
}

function resolveWindow(functionName: string, window: unknown, frameLength: number): Float64Array {
  if (typeof window === 'string') {
    if (!(windowTypes as readonly string[]).includes(window))
      throw new ArgumentError(
        functionName,
        `expected options.window to be one of ${windowTypes.map((w) => `'${w}'`).join(', ')} ` +
          `or ${frameLength} weights, got '${window}'`,
      );
    return windowFunction(window as WindowType, frameLength);
  }
  const weights = Float64Array.from(window as ArrayLike<number>);
  if (weights.length !== frameLength || !weights.every(Number.isFinite))
    throw new ArgumentError(
      functionName,
      `expected options.window of ${frameLength} finite weights (options.frameLength), got ${weights.length} values`,
    );
  return weights;
}

/** A rank-1 signal as one batch row. */
export function asBatch(signal: tf.Tensor1D | tf.Tensor2D): tf.Tensor2D {
  return signal.rank === 1 ? tf.reshape(signal, [1, signal.shape[0]]) : (signal as tf.Tensor2D);
}
