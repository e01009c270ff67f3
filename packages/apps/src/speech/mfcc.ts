import { ArgumentError, assertFiniteNumber, assertPositiveInteger } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { logMelEnergies } from './fbank.js';
import { unflattenFrames } from './framed-spectrum.js';
import { type FbankOptions, fbankKeys, fbankPlan } from './kaldi-options.js';
import { type SpeechInput, withSignal } from './speech-input.js';

/** Options of {@link mfcc}: fbank's and the cepstral ones. */
export interface MfccOptions extends FbankOptions {
  /** Cepstra kept, C0 included, <= numMelBins. Default 13. */
  numCeps?: number;
  /** Lifter L: C_i is scaled by 1 + (L / 2) sin(pi i / L); 0 turns it off. Default 22. */
  cepstralLifter?: number;
}

const mfccKeys = [...fbankKeys, 'numCeps', 'cepstralLifter'] as const;

/**
 * Mel-frequency cepstral coefficients, as Kaldi's compute-mfcc-feats and torchaudio.compliance.kaldi.mfcc
 * (dither 0): C = lifter * DCT(fbank), with fbank's log mel energies E [frames, M] (defaults as there) and
 * the orthonormal DCT-II C_i = sqrt(2 / M) sum_m E_m cos(pi i (m + 1/2) / M), C_0 = sqrt(1 / M) sum_m E_m
 * (so C0 is the scaled sum of the log mel energies, not the frame energy), lifter 1 + 11 sin(pi i / 22).
 * With useEnergy, C0 is replaced by the log frame energy. Input as fbank's (a float32 signal [n] or
 * [batch, n], or mono DecodedAudio at options.sampleRate) ->
 * [frames, numCeps] or [batch, frames, numCeps]. Differentiable on every backend.
 *
 * @example
 * const features = mfcc(tf.tensor1d(samples)); // [frames, 13], samples at 16 kHz
 *
 * In plain words: the sound's spectral shape in every 10 ms, squeezed into 13 numbers a recogniser can learn from.
 */
export function mfcc(input: SpeechInput, options: MfccOptions = {}): tf.Tensor {
  return withSignal('mfcc', input, options?.sampleRate ?? 16000, (signal) => cepstra(signal, options));
}

function cepstra(signal: tf.Tensor1D | tf.Tensor2D, options: MfccOptions): tf.Tensor {
  const fn = 'mfcc';
  const plan = fbankPlan(fn, signal, options, mfccKeys);
  const { numCeps = 13, cepstralLifter = 22 } = options;
  assertPositiveInteger(fn, 'options.numCeps', numCeps);
  if (numCeps > plan.numMelBins)
    throw new ArgumentError(fn, `expected options.numCeps <= numMelBins ${plan.numMelBins}, got ${numCeps}`);
  assertFiniteNumber(fn, 'options.cepstralLifter', cepstralLifter);
  return tf.tidy(() => {
    const { logMel, logEnergy } = logMelEnergies(signal, plan);
    const transform = tf.tensor2d(liftedDct(plan.numMelBins, numCeps, cepstralLifter), [plan.numMelBins, numCeps]);
    let rows: tf.Tensor2D = tf.matMul(logMel, transform);
    if (logEnergy !== undefined) rows = tf.concat([logEnergy, tf.slice(rows, [0, 1], [-1, numCeps - 1])], 1);
    return unflattenFrames(rows, signal.rank === 2 ? signal.shape[0] : undefined, plan.frames);
  });
}

/** The orthonormal DCT-II [melBins, ceps] with column i scaled by the lifter (float64 -> float32). */
function liftedDct(melBins: number, ceps: number, lifter: number): Float32Array {
  const matrix = new Float32Array(melBins * ceps);
  for (let i = 0; i < ceps; i++) {
    const scale =
      (lifter !== 0 ? 1 + 0.5 * lifter * Math.sin((Math.PI * i) / lifter) : 1) * Math.sqrt((i === 0 ? 1 : 2) / melBins);
    for (let m = 0; m < melBins; m++) matrix[m * ceps + i] = scale * Math.cos((Math.PI * i * (m + 0.5)) / melBins);
  }
  return matrix;
}
