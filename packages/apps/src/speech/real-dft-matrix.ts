import * as tf from '@tensorflow/tfjs-core';

/**
 * The real DFT of a frame as one matrix, so that a spectrum is a matrix product on every backend
 * (tfjs-backend-wasm has no FFT kernel, and a matMul differentiates everywhere).
 * For a frame x of `weights.length` = W samples, zero-padded at the end to `fftLength` = N:
 * spectrum = x M with M [W, N]: columns k = 0 .. N/2 the real parts, then N/2 + k for k = 1 .. N/2 - 1 the
 * imaginary ones (those of bins 0 and N/2 are always 0 for a real frame, so they are left out and the
 * width is N, 512 for Kaldi's defaults: a power of two suits every backend's matMul tiles; on SwiftShader
 * 512 columns ran 2.6 times faster than 514). M[j, k] = sum_i P[j, i] w_i cos(2 pi i k / N) and
 * M[j, N/2 + k] = -sum_i P[j, i] w_i sin(2 pi i k / N), where w is the window and P the pre-emphasis
 * y_i = x_i - a x_(i-1) (y_0 = x_0 - a x_0, Kaldi's edge), P = identity when a = 0. Built in float64
 * (angles reduced exactly modulo N), stored as float32. Cost: W x N multiply-adds per frame (400 x 512),
 * about 20 times a radix-2 FFT's count, but one well-optimised kernel on every backend.
 */
export function realDftMatrix(window: Float64Array, fftLength: number, preemphasis = 0): tf.Tensor2D {
  const frameLength = window.length;
  const bins = fftLength / 2 + 1;
  const matrix = new Float32Array(frameLength * fftLength);
  const cos = Float64Array.from({ length: fftLength }, (_, m) => Math.cos((2 * Math.PI * m) / fftLength));
  const sin = Float64Array.from({ length: fftLength }, (_, m) => Math.sin((2 * Math.PI * m) / fftLength));
  // Row j of P diag(w): w_j at column j (scaled by 1 - a at j = 0), -a w_(j+1) at column j + 1.
  for (let j = 0; j < frameLength; j++) {
    const own = (window[j] as number) * (j === 0 ? 1 - preemphasis : 1);
    const next = j + 1 < frameLength ? -preemphasis * (window[j + 1] as number) : 0;
    const row = j * fftLength;
    for (let k = 0; k < bins; k++) {
      const [a, b] = [(j * k) % fftLength, ((j + 1) * k) % fftLength];
      matrix[row + k] = own * (cos[a] as number) + next * (cos[b] as number);
      if (k > 0 && k < bins - 1) matrix[row + bins - 1 + k] = -(own * (sin[a] as number) + next * (sin[b] as number));
    }
  }
  return tf.tensor2d(matrix, [frameLength, fftLength]);
}

/** The smallest power of two >= n (Kaldi's round_to_power_of_two). */
export function nextPowerOfTwo(n: number): number {
  let power = 1;
  while (power < n) power *= 2;
  return power;
}
