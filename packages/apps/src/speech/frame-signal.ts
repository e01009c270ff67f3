import * as tf from '@tensorflow/tfjs-core';

/**
 * How many frames of `frameLength` samples every `frameStep` a signal of `length` samples gives:
 * with snipped edges only whole frames, 1 + floor((length - frameLength) / frameStep) (0 when shorter
 * than a frame); otherwise floor((length + floor(frameStep / 2)) / frameStep) (Kaldi's snip_edges=false).
 */
export function frameCount(length: number, frameLength: number, frameStep: number, snipEdges: boolean): number {
  if (!snipEdges) return Math.floor((length + Math.floor(frameStep / 2)) / frameStep);
  return length < frameLength ? 0 : 1 + Math.floor((length - frameLength) / frameStep);
}

/**
 * Cuts `signal` [B, n] into `frames` overlapping frames [B, frames, frameLength], frame f starting at
 * sample f * frameStep. Without snipped edges the signal is first extended by reflection as Kaldi does
 * (frames centred on multiples of frameStep): the first frameLength / 2 - frameStep / 2 samples mirrored
 * before it (the edge sample repeated), the whole signal mirrored after it.
 * Built from reshape, slice and concat only, so it differentiates on every backend (a gather would
 * need UnsortedSegmentSum in its gradient, which tfjs-backend-wasm lacks): the signal is laid out as
 * rows of frameStep samples and frame f is rows f .. f + ceil(frameLength / frameStep) - 1, cut to length.
 */
export function frameSignal(
  signal: tf.Tensor2D,
  frameLength: number,
  frameStep: number,
  frames: number,
  snipEdges: boolean,
): tf.Tensor3D {
  return tf.tidy(() => {
    const batch = signal.shape[0];
    const extended = snipEdges ? signal : reflectEdges(signal, frameLength, frameStep);
    const length = extended.shape[1];
    const rowsPerFrame = Math.ceil(frameLength / frameStep);
    const needed = (frames - 1 + rowsPerFrame) * frameStep;
    const fitted =
      length >= needed
        ? tf.slice(extended, [0, 0], [batch, needed])
        : tf.pad(extended, [
            [0, 0],
            [0, needed - length],
          ]);
    const rows = tf.reshape(fitted, [batch, needed / frameStep, frameStep]);
    const parts = Array.from({ length: rowsPerFrame }, (_, j) => tf.slice(rows, [0, j, 0], [batch, frames, frameStep]));
    const joined = parts.length === 1 ? (parts[0] as tf.Tensor3D) : tf.concat(parts, 2);
    return tf.slice(joined, [0, 0, 0], [batch, frames, frameLength]) as tf.Tensor3D;
  });
}

function reflectEdges(signal: tf.Tensor2D, frameLength: number, frameStep: number): tf.Tensor2D {
  const [batch, length] = signal.shape;
  const reversed = tf.reverse(signal, 1);
  const pad = Math.floor(frameLength / 2) - Math.floor(frameStep / 2);
  if (pad > 0) return tf.concat([tf.slice(reversed, [0, length - pad], [batch, pad]), signal, reversed], 1);
  return tf.concat([tf.slice(signal, [0, -pad], [batch, length + pad]), reversed], 1);
}
