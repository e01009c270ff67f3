import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal } from '../../harness/seeded-tensors.js';

/**
 * @baihua/apps/speech's Kaldi-compatible mfcc (defaults: 25 ms povey frames every 10 ms, DFT 512 as one
 * matMul, 23 mel bins, 13 cepstra) of seeded noise at 16 kHz, int16 scale: the features alone, and the
 * features with the gradient for the signal (a front end a model trains through). tfjs has no MFCC and
 * wasm no FFT kernel, so there is no stock row. Quick: 1 s of audio (98 frames); full: 10 s (998).
 * Flops: the DFT matMul (2 x 400 x 512), mel (2 x 257 x 23) and DCT (2 x 23 x 13) per frame.
 */
export function mfccCases(mode: BenchMode): BenchCase[] {
  const seconds = mode === 'quick' ? 1 : 10;
  const samples = 16000 * seconds;
  const frames = 1 + Math.floor((samples - 400) / 160);
  const forwardFlops = frames * (2 * 400 * 512 + 2 * 257 * 23 + 2 * 23 * 13);
  return (['forward', 'backward'] as const).map((pass) => ({
    id: `ops/mfcc-${pass}/${seconds}s/ours`,
    suite: 'ops',
    title: `mfcc ${pass === 'forward' ? 'fwd' : 'fwd+bwd'} ${seconds} s at 16 kHz`,
    implementation: 'ours',
    compareKey: `mfcc-${pass}/${seconds}s`,
    flops: pass === 'forward' ? forwardFlops : 3 * forwardFlops,
    params: { seconds, sampleRate: 16000, frames },
    async setup() {
      const { mfcc } = await import('@baihua/apps/speech');
      const signal = seededNormal([samples], 41, 3000) as tf.Tensor1D;
      const dy = seededNormal([frames, 13], 42);
      const gradient = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(mfcc(x as tf.Tensor1D), dy)));
      return {
        run: () => (pass === 'forward' ? mfcc(signal) : gradient(signal)),
        dispose: () => tf.dispose([signal, dy]),
      };
    },
  }));
}
