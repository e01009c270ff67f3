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
 * their spectrum [B * frames, 2K] (real parts, then imaginary ones; K = fftLength / 2 + 1): pre-emphasis,
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

/** |X_k|^2 = re^2 + im^2 from framedSpectrum's [rows, 2K] layout: [rows, K]. Call inside tf.tidy. */
export function powerOfSpectrum(spectrum: tf.Tensor2D): tf.Tensor2D {
  const [rows, columns] = spectrum.shape;
  const bins = columns / 2;
  const squared = tf.square(spectrum);
  return tf.add(tf.slice(squared, [0, 0], [rows, bins]), tf.slice(squared, [0, bins], [rows, bins]));
}

/** Reshapes [B * frames, D] rows back to [B, frames, D], or [frames, D] for a rank-1 signal. */
export function unflattenFrames(rows: tf.Tensor2D, batch: number | undefined, frames: number): tf.Tensor {
  const depth = rows.shape[1];
  return batch === undefined ? rows : tf.reshape(rows, [batch, frames, depth]);
}
