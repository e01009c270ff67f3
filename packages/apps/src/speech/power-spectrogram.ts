import * as tf from '@tensorflow/tfjs-core';
import { framedSpectrum, powerOfSpectrum, unflattenFrames } from './framed-spectrum.js';
import { asBatch, type StftOptions, stftPlan } from './stft.js';

/**
 * Power spectrogram |X[f, k]|^2 = re^2 + im^2 of {@link stft} with the same options: signal [n] or
 * [batch, n] float32 -> [frames, K] or [batch, frames, K], K = fftLength / 2 + 1. Differentiable on every
 * backend (d|X|^2/dx = 2 re dre/dx + 2 im dim/dx: no square root, so silence has a finite gradient).
 *
 * @example
 * const power = powerSpectrogram(signal); // [frames, 257] for 400-sample frames every 160
 *
 * In plain words: how much energy each pitch carries in each short slice of the sound.
 */
export function powerSpectrogram(signal: tf.Tensor1D | tf.Tensor2D, options: StftOptions = {}): tf.Tensor {
  const plan = stftPlan('powerSpectrogram', signal, options);
  return tf.tidy(() => {
    const { spectrum } = framedSpectrum(asBatch(signal), plan);
    const batch = signal.rank === 2 ? signal.shape[0] : undefined;
    return unflattenFrames(powerOfSpectrum(spectrum), batch, plan.frames);
  });
}
