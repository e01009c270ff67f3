import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { loadTorchFixture } from '@baihua/test-fixtures';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { deltas, mfcc, melFilterbank, melScale, powerSpectrogram, stft, windowFunction } from './index.js';

/** Row i of a batch, as its own tensor (the caller disposes it). */
const row = (batch: tf.Tensor, i: number) => tf.tidy(() => tf.unstack(batch)[i] as tf.Tensor);

describeEachBackend('speech: stft, powerSpectrogram, melFilterbank, deltas match torch', () => {
  test('stft and powerSpectrogram equal torch.fft.rfft of Hann-windowed frames, also batched', async () => {
    const c = loadTorchFixture('kaldiFeatures', 'stft_hann');
    await expectNoLeakedTensors(async () => {
      const signal = c.tensor('signal') as tf.Tensor1D;
      const batch = tf.tidy(() => tf.stack([signal, tf.mul(signal, -2)])) as tf.Tensor2D;
      try {
        const { real, imag } = stft(signal, { frameLength: 400, frameStep: 160, fftLength: 512, window: 'hann' });
        await expectTensorsClose(real, c.spec('real'));
        await expectTensorsClose(imag, c.spec('imag'));
        const power = powerSpectrogram(signal, { window: 'hann' });
        await expectTensorsClose(power, c.spec('power'));
        // Row 2 of a batch is -2 x the signal: 4 x the power, in [2, frames, 257].
        const batched = powerSpectrogram(batch, { window: windowFunction('hann', 400) });
        expect(batched.shape).toEqual([2, 4, 257]);
        const [second, fourTimes] = [row(batched, 1), tf.mul(power, 4)];
        await expectTensorsClose(second, fourTimes);
        tf.dispose([real, imag, power, batched, second, fourTimes]);
      } finally {
        tf.dispose([signal, batch]);
      }
    });
  });

  test.each(['melBanks_default', 'melBanks_custom'])('melFilterbank equals get_mel_banks (%s)', async (name) => {
    const c = loadTorchFixture('kaldiFeatures', name);
    const weights = melFilterbank(c.get('options') as never);
    await expectTensorsClose(weights, c.spec('weights'), { atol: 1e-6 });
    weights.dispose();
  });

  test.each(['deltas_7', 'deltas_3'])(
    "deltas: order 1 = compute_deltas, order 2 = Kaldi's 9-tap window (%s)",
    async (name) => {
      const c = loadTorchFixture('kaldiFeatures', name);
      await expectNoLeakedTensors(async () => {
        const features = c.tensor('features') as tf.Tensor2D;
        const batch = tf.stack([features, features]) as tf.Tensor3D;
        try {
          const [d1, d2, d2batch] = [
            deltas(features),
            deltas(features, { order: 2, window: 2 }),
            deltas(batch, { order: 2 }),
          ];
          await expectTensorsClose(d1, c.spec('delta'));
          await expectTensorsClose(d2, c.spec('deltaDelta'));
          expect(d2batch.shape).toEqual([2, ...features.shape]);
          const second = row(d2batch, 1);
          await expectTensorsClose(second, c.spec('deltaDelta'));
          tf.dispose([d1, d2, d2batch, second]);
        } finally {
          tf.dispose([features, batch]);
        }
      });
    },
  );

  test('a batch of signals gives the rows of each signal alone', async () => {
    const c = loadTorchFixture('kaldiFeatures', 'odd_length');
    await expectNoLeakedTensors(async () => {
      const signal = c.tensor('signal') as tf.Tensor1D;
      const batch = tf.tidy(() => tf.stack([tf.mul(signal, 0.5), signal])) as tf.Tensor2D;
      try {
        const [rows, alone] = [mfcc(batch), mfcc(signal)];
        expect(rows.shape).toEqual([2, 28, 13]);
        const second = row(rows, 1);
        await expectTensorsClose(second, alone, { atol: 1e-4 });
        tf.dispose([rows, alone, second]);
      } finally {
        tf.dispose([signal, batch]);
      }
    });
  });
});

test('windowFunction and melScale by hand', () => {
  windowFunction('hann', 5).forEach((w, i) => expect(w).toBeCloseTo([0, 0.5, 1, 0.5, 0][i] as number, 12));
  expect(windowFunction('povey', 5)[1]).toBeCloseTo(0.5 ** 0.85, 12);
  expect(windowFunction('hamming', 3)[0]).toBeCloseTo(0.08, 12);
  expect(windowFunction('blackman', 3)[1]).toBeCloseTo(1, 12);
  expect(melScale(700)).toBeCloseTo(1127 * Math.log(2), 9);
});
