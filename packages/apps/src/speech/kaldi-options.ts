import {
  ArgumentError,
  assertInRange,
  assertKnownOptions,
  assertNonNegative,
  assertOneOf,
  assertPositive,
} from '@baihua/core';
import type * as tf from '@tensorflow/tfjs-core';
import { frameCount } from './frame-signal.js';
import type { SpectrumPlan } from './framed-spectrum.js';
import { melWeights } from './mel-filterbank.js';
import { nextPowerOfTwo } from './real-dft-matrix.js';
import { assertBoolean, assertSignal } from './signal-checks.js';
import { type WindowType, windowFunction, windowTypes } from './window-function.js';

/** Options of fbank (torchaudio.compliance.kaldi.fbank's, camel-cased; the defaults are Kaldi's). */
export interface FbankOptions {
  /** Hz. Default 16000. */
  sampleRate?: number;
  /** Frame length in ms. Default 25. */
  frameLength?: number;
  /** Frame shift in ms. Default 10. */
  frameShift?: number;
  /** Only whole frames (true), or frames centred on multiples of the shift with reflected edges. Default true. */
  snipEdges?: boolean;
  /** Subtract each frame's mean. Default true. */
  removeDcOffset?: boolean;
  /** Pre-emphasis coefficient a in y_i = x_i - a x_(i-1), in [0, 1]. Default 0.97. */
  preemphasis?: number;
  /** Default 'povey'. */
  window?: WindowType;
  /** Zero-pad frames to the next power of two for the DFT (else the frame length, which must be even). Default true. */
  roundToPowerOfTwo?: boolean;
  /** Default 23. */
  numMelBins?: number;
  /** Hz. Default 20. */
  lowFreq?: number;
  /** Hz; <= 0 means that much below Nyquist. Default 0. */
  highFreq?: number;
  /** Add the log frame energy as a first column (fbank) or in place of C0 (mfcc). Default false. */
  useEnergy?: boolean;
  /** Energy of the frame before pre-emphasis and window (after DC removal). Default true. */
  rawEnergy?: boolean;
  /** Floor on the energy (absolute; 0 = none), used only with useEnergy. Default 1 (torchaudio's). */
  energyFloor?: number;
}

/** The option names fbank accepts (mfcc adds numCeps and cepstralLifter). */
export const fbankKeys = [
  'sampleRate',
  'frameLength',
  'frameShift',
  'snipEdges',
  'removeDcOffset',
  'preemphasis',
  'window',
  'roundToPowerOfTwo',
  'numMelBins',
  'lowFreq',
  'highFreq',
  'useEnergy',
  'rawEnergy',
  'energyFloor',
] as const;

/** Everything fbank needs, checked: the spectrum plan, the filters, the energy settings. */
export interface FbankPlan extends SpectrumPlan {
  melWeights: Float32Array;
  numMelBins: number;
  useEnergy: boolean;
  rawEnergy: boolean;
  energyFloor: number;
}

/** Checks the signal and fbank options of `fn` (fbank or mfcc) and resolves them. */
export function fbankPlan(fn: string, signal: unknown, options: FbankOptions, keys: readonly string[]): FbankPlan {
  assertKnownOptions(fn, 'options', options, keys);
  const { sampleRate = 16000, frameLength = 25, frameShift = 10, snipEdges = true, removeDcOffset = true } = options;
  const { preemphasis = 0.97, window = 'povey', roundToPowerOfTwo = true, numMelBins = 23 } = options;
  const { lowFreq = 20, highFreq = 0, useEnergy = false, rawEnergy = true, energyFloor = 1 } = options;
  assertPositive(fn, 'options.sampleRate', sampleRate);
  assertPositive(fn, 'options.frameLength', frameLength);
  assertPositive(fn, 'options.frameShift', frameShift);
  for (const [name, flag] of Object.entries({ snipEdges, removeDcOffset, roundToPowerOfTwo, useEnergy, rawEnergy }))
    assertBoolean(fn, `options.${name}`, flag);
  assertInRange(fn, 'options.preemphasis', preemphasis, { min: 0, max: 1 });
  assertOneOf(fn, 'options.window', window, windowTypes);
  assertNonNegative(fn, 'options.energyFloor', energyFloor);
  // Kaldi's sizes: int(sampleRate * ms * 0.001), the same float64 arithmetic as torchaudio's.
  const windowSize = Math.trunc(sampleRate * frameLength * 0.001);
  const frameStep = Math.trunc(sampleRate * frameShift * 0.001);
  if (windowSize < 2 || frameStep < 1)
    throw new ArgumentError(
      fn,
      `expected frames of at least 2 samples and a shift of at least 1, ` +
        `got ${windowSize} and ${frameStep} at ${sampleRate} Hz`,
    );
  const fftLength = roundToPowerOfTwo ? nextPowerOfTwo(windowSize) : windowSize;
  if (fftLength % 2 !== 0)
    throw new ArgumentError(fn, `expected an even frame length without roundToPowerOfTwo, got ${windowSize} samples`);
  const mel = melWeights(fn, { numMelBins, fftLength, sampleRate, lowFreq, highFreq });
  assertSignal(fn, signal, windowSize, `one ${frameLength} ms frame at ${sampleRate} Hz`);
  const frames = frameCount((signal as tf.Tensor).shape.at(-1) as number, windowSize, frameStep, snipEdges);
  if (frames < 1)
    throw new ArgumentError(
      fn,
      `expected a signal of at least one frame, got ${(signal as tf.Tensor).shape.at(-1)} samples`,
    );
  return {
    frameLength: windowSize,
    frameStep,
    fftLength,
    frames,
    window: windowFunction(window, windowSize),
    preemphasis,
    removeDcOffset,
    snipEdges,
    melWeights: mel.weights,
    numMelBins,
    useEnergy,
    rawEnergy,
    energyFloor,
  };
}
