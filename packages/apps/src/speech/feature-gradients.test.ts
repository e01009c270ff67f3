import { checkGradients, describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { createRandom } from '@baihua/core';
import { loadTorchFixture } from '@baihua/test-fixtures';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { deltas, fbank, mfcc } from './index.js';

describeEachBackend('speech: gradients of the features', (backend) => {
  test('d sum(mfcc * dy) / d signal equals torch autograd (float64) of torchaudio kaldi.mfcc', async () => {
    const c = loadTorchFixture('kaldiFeatures', 'mfcc_gradient');
    await expectNoLeakedTensors(async () => {
      const [signal, dy] = [c.tensor('signal') as tf.Tensor1D, c.tensor('dy')];
      try {
        const gradient = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(mfcc(x as tf.Tensor1D), dy)))(signal);
        await expectTensorsClose(gradient, c.spec('dsignal'), { atol: 1e-4, rtol: 1e-3 });
        gradient.dispose();
      } finally {
        tf.dispose([signal, dy]);
      }
    });
  });

  test('mfcc (+ deltas) and fbank with energy pass central finite differences on a small signal', async () => {
    // 1 kHz, 25-sample frames every 10 (FFT 32), 6 mel bins: 61 samples, 4 frames.
    // float32 forward passes, hence the relative tolerance of 3% of the largest gradient element. webgpu on
    // SwiftShader takes 60 ms a pass: 16 evenly spaced samples there.
    const small = { sampleRate: 1000, numMelBins: 6, lowFreq: 0 };
    const rng = createRandom(3);
    const signal = tf.tensor1d(Array.from({ length: 61 }, () => rng.next() * 2 - 1));
    try {
      const tolerance = { step: 1e-3, rtol: 3e-2, atol: 1e-3, maxElementsPerInput: backend === 'webgpu' ? 16 : 61 };
      await checkGradients((x) => mfcc(x as tf.Tensor1D, { ...small, numCeps: 5 }), [signal], tolerance);
      await checkGradients((x) => deltas(mfcc(x as tf.Tensor1D, { ...small, numCeps: 5 })), [signal], tolerance);
      await checkGradients(
        (x) => fbank(x as tf.Tensor1D, { ...small, useEnergy: true, rawEnergy: false, energyFloor: 0 }),
        [signal],
        tolerance,
      );
    } finally {
      signal.dispose();
    }
  });

  test('silence: the log floor gives finite (zero) gradients, not NaN', async () => {
    await expectNoLeakedTensors(async () => {
      const silence = tf.zeros([1, 800]) as tf.Tensor2D;
      try {
        const features = (x: tf.Tensor) =>
          tf.add(tf.sum(mfcc(x as tf.Tensor2D)), tf.sum(fbank(x as tf.Tensor2D, { useEnergy: true })));
        const gradient = tf.grad(features)(silence);
        const values = await gradient.data();
        expect(values.every((v) => v === 0)).toBe(true);
        gradient.dispose();
      } finally {
        silence.dispose();
      }
    });
  });
});
