import * as tf from '@tensorflow/tfjs-core';
import { framedSpectrum, powerOfSpectrum, unflattenFrames } from './framed-spectrum.js';
import { type FbankOptions, type FbankPlan, fbankKeys, fbankPlan } from './kaldi-options.js';
import { type SpeechInput, withSignal } from './speech-input.js';
import { asBatch } from './stft.js';

/** Kaldi's floor inside every log: float32's machine epsilon, log(max(x, eps)). */
export const kaldiEpsilon = 1.1920928955078125e-7;

/**
 * Log mel filterbank energies, as Kaldi's compute-fbank-feats and torchaudio.compliance.kaldi.fbank
 * (dither 0): per frame of 25 ms every 10 ms (whole frames only), remove the DC offset, pre-emphasise
 * (y_i = x_i - 0.97 x_(i-1)), apply the povey window, zero-pad to 512, power spectrum |X_k|^2, then
 * log(max(sum_k |X_k|^2 W[k, m], eps)) with melFilterbank's 23 filters (20 Hz .. Nyquist) and eps float32's
 * epsilon. Input: a float32 signal [n] or [batch, n] at options.sampleRate (Kaldi's convention: int16-scale
 * values; scaling by s adds 2 ln s), or mono DecodedAudio (readWav's, at options.sampleRate; scaled by 32768)
 * -> [frames, numMelBins] or [batch, frames, numMelBins]; with useEnergy the log
 * energy comes first (+1 column). Differentiable on every backend; silence gives the floor ln(eps) = -15.94
 * with a zero (not NaN) gradient.
 *
 * @example
 * const features = fbank(tf.tensor1d(samples)); // [frames, 23], samples at 16 kHz
 *
 * In plain words: how loud each ear-spaced pitch band is in every 10 ms of the sound, on a log scale.
 */
export function fbank(input: SpeechInput, options: FbankOptions = {}): tf.Tensor {
  return withSignal('fbank', input, options?.sampleRate ?? 16000, (signal) => {
    const plan = fbankPlan('fbank', signal, options, fbankKeys);
    return tf.tidy(() => {
      const { logMel, logEnergy } = logMelEnergies(signal, plan);
      const rows = logEnergy === undefined ? logMel : tf.concat([logEnergy, logMel], 1);
      return unflattenFrames(rows, signal.rank === 2 ? signal.shape[0] : undefined, plan.frames);
    });
  });
}

/**
 * The log mel energies [B * frames, numMelBins] and, with useEnergy, the log frame energy [B * frames, 1]:
 * of the DC-free frame (rawEnergy) or of the windowed one (sum z^2 by Parseval from the power spectrum:
 * (P_0 + P_(N/2) + 2 sum of the others) / N). Both floored at eps, the energy also at ln(energyFloor).
 * Call inside tf.tidy.
 */
export function logMelEnergies(signal: tf.Tensor1D | tf.Tensor2D, plan: FbankPlan) {
  const { frames, spectrum } = framedSpectrum(asBatch(signal), plan);
  const power = powerOfSpectrum(spectrum);
  const filters = tf.tensor2d(plan.melWeights, [plan.fftLength / 2 + 1, plan.numMelBins]);
  const logMel = tf.log(tf.maximum(tf.matMul(power, filters), kaldiEpsilon)) as tf.Tensor2D;
  if (!plan.useEnergy) return { logMel, logEnergy: undefined };
  const energy = plan.rawEnergy
    ? tf.sum(tf.square(frames), 1, true)
    : tf.matMul(power, parsevalWeights(plan.fftLength));
  let logEnergy = tf.log(tf.maximum(energy, kaldiEpsilon));
  if (plan.energyFloor > 0) logEnergy = tf.maximum(logEnergy, Math.log(plan.energyFloor));
  return { logMel, logEnergy: logEnergy as tf.Tensor2D };
}

function parsevalWeights(fftLength: number): tf.Tensor2D {
  const bins = fftLength / 2 + 1;
  const weights = Float32Array.from({ length: bins }, (_, k) => (k === 0 || k === bins - 1 ? 1 : 2) / fftLength);
  return tf.tensor2d(weights, [bins, 1]);
}
