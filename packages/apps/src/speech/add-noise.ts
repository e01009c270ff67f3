import { ArgumentError, type SeededRandom } from '@baihua/core';

/**
 * Adds white Gaussian noise at a signal-to-noise ratio: noise variance = P / 10^(snrDb / 10) with
 * P = mean(x^2) the signal's power; snrDb = Infinity returns a copy. A new Float32Array of the same length.
 *
 * @example
 * const noisy = addNoise(samples, 10, createRandom(1)); // noise 10 dB below the speech
 *
 * In plain words: hiss of a chosen loudness relative to the voice, like a cheap microphone.
 */
export function addNoise(signal: Float32Array, snrDb: number, random: SeededRandom): Float32Array {
  if (!(signal instanceof Float32Array))
    throw new ArgumentError('addNoise', `expected signal to be a Float32Array, got ${typeof signal}`);
  if (typeof snrDb !== 'number' || Number.isNaN(snrDb))
    throw new ArgumentError('addNoise', `expected snrDb to be a number of dB (Infinity: no noise), got ${snrDb}`);
  let power = 0;
  for (const x of signal) power += x * x;
  power /= Math.max(1, signal.length);
  const deviation = Math.sqrt(power / 10 ** (snrDb / 10));
  return Float32Array.from(signal, (x) => x + deviation * random.normal());
}
