import * as tf from '@tensorflow/tfjs-core';
import { frameSignal } from './frame-signal.js';
import { realDftMatrix } from './real-dft-matrix.js';

/** How frames are cut and transformed: the part of Kaldi's pipeline before the power spectrum. */
export interface SpectrumPlan {
  frameLength: number;
  frameStep: number;
  fftLength: number;
  frames: number;
  window: Float64Array;
  preemphasis: number;
  removeDcOffset: boolean;
  snipEdges: boolean;
}

/**
 * Frames of `signal` [B, n] (DC offset removed per frame when asked; [B * frames, frameLength]) and
 * their spectrum [B * frames, fftLength] (the K = fftLength / 2 + 1 real parts, then the K - 2 imaginary parts
 * of bins 1 .. K - 2, see realDftMatrix): pre-emphasis,
 * window, zero padding and the real DFT as one matrix product (see realDftMatrix). Call inside tf.tidy.
 */
export function framedSpectrum(
  signal: tf.Tensor2D,
  plan: SpectrumPlan,
): { frames: tf.Tensor2D; spectrum: tf.Tensor2D } {
  const { frameLength, frameStep, frames, snipEdges } = plan;
  const framed = frameSignal(signal, frameLength, frameStep, frames, snipEdges);
  let rows = tf.reshape(framed, [signal.shape[0] * frames, frameLength]) as tf.Tensor2D;
  if (plan.removeDcOffset) rows = tf.sub(rows, tf.mean(rows, 1, true));
  const matrix = realDftMatrix(plan.window, plan.fftLength, plan.preemphasis);
  return { frames: rows, spectrum: tf.matMul(rows, matrix) };
}

/** The real parts [rows, K] and imaginary parts [rows, K] (0 at bins 0 and K - 1) of framedSpectrum's layout. */
export function splitSpectrum(spectrum: tf.Tensor2D): { real: tf.Tensor2D; imag: tf.Tensor2D } {
  const [rows, fftLength] = spectrum.shape;
  const bins = fftLength / 2 + 1;
  const real = tf.slice(spectrum, [0, 0], [rows, bins]);
  const inner = tf.slice(spectrum, [0, bins], [rows, bins - 2]);
  return {
    real,
    imag: tf.pad(inner, [
      [0, 0],
      [1, 1],
    ]),
  };
}

/** |X_k|^2 = re^2 + im^2 from framedSpectrum's layout: [rows, K]. Call inside tf.tidy. */
export function powerOfSpectrum(spectrum: tf.Tensor2D): tf.Tensor2D {
  const { real, imag } = splitSpectrum(spectrum);
  return tf.add(tf.square(real), tf.square(imag));
}

/** Reshapes [B * frames, D] rows back to [B, frames, D], or [frames, D] for a rank-1 signal. */
export function unflattenFrames(rows: tf.Tensor2D, batch: number | undefined, frames: number): tf.Tensor {
  const depth = rows.shape[1];
  return batch === undefined ? rows : tf.reshape(rows, [batch, frames, depth]);
}
