import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { deltas, fbank, melFilterbank, mfcc, powerSpectrogram, readWav, stft, writeWav } from './index.js';

describeEachBackend('speech: bad input', () => {
  test('features refuse wrong ranks, dtypes, short signals and bad options; nothing leaks on repeat', async () => {
    const ok = tf.zeros([800]) as tf.Tensor1D;
    const cube = tf.zeros([1, 2, 800]);
    const ints = tf.zeros([800], 'int32');
    const short = tf.zeros([399]) as tf.Tensor1D;
    const cases: [() => unknown, string | RegExp][] = [
      [() => mfcc(cube as never), 'mfcc: expected signal of rank 1 or 2, got rank 3 (shape [1,2,800])'],
      [() => fbank(ints as never), 'fbank: expected signal of dtype float32, got int32'],
      [() => fbank([1, 2, 3] as never), 'fbank: expected signal to be a tf.Tensor, got an array'],
      [
        () => fbank(short),
        'fbank: expected signal of at least 400 samples (one 25 ms frame at 16000 Hz), got 399 samples',
      ],
      [() => mfcc(short, { snipEdges: false }), 'mfcc: expected signal of at least 400 samples'],
      [
        () => mfcc(ok, { numMelBin: 40 } as never),
        "mfcc: unknown key 'numMelBin' in options (did you mean 'numMelBins'?",
      ],
      [() => fbank(ok, { numCeps: 13 } as never), "fbank: unknown key 'numCeps' in options"],
      [() => mfcc(ok, { numCeps: 30 }), 'mfcc: expected options.numCeps <= numMelBins 23, got 30'],
      [() => mfcc(ok, { window: 'hanning' as never }), "mfcc: expected options.window to be one of 'povey', 'hann'"],
      [() => fbank(ok, { preemphasis: 1.5 }), 'fbank: expected options.preemphasis in [0, 1], got 1.5'],
      [() => fbank(ok, { highFreq: 9000 }), /fbank: expected 0 <= options.lowFreq < highFreq <= Nyquist \(8000 Hz\)/],
      [() => fbank(ok, { snipEdges: 'no' as never }), 'fbank: expected options.snipEdges to be true or false, got no'],
      [() => fbank(ok, { frameLength: 25.1, roundToPowerOfTwo: false }), 'fbank: expected an even frame length'],
      [() => stft(ok, { fftLength: 300 }), 'stft: expected options.fftLength even and >= frameLength 400, got 300'],
      [() => powerSpectrogram(ok, { window: [1, 2] }), 'powerSpectrogram: expected options.window of 400 finite'],
      [() => melFilterbank({ numMelBins: 3 }), 'melFilterbank: expected options.numMelBins > 3, got 3'],
      [() => deltas(ok), 'deltas: expected features of rank 2 or 3, got rank 1 (shape [800])'],
      [() => deltas(cube, { order: 3 as never }), 'deltas: expected options.order to be 1 or 2, got 3'],
    ];
    try {
      for (let round = 0; round < 2; round++)
        await expectNoLeakedTensors(() => {
          for (const [call, message] of cases) expect(call).toThrow(message);
        });
    } finally {
      tf.dispose([ok, cube, ints, short]);
    }
  });

  test('decoded audio: mono at the rate is scaled as Kaldi reads WAV; other rates, stereo, NaN refused', async () => {
    const samples = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7) * 0.3);
    const audio = readWav(writeWav({ sampleRate: 16000, channels: [samples] }, { format: 'float32' }));
    await expectNoLeakedTensors(async () => {
      const scaled = tf.tensor1d(Float32Array.from(samples, (x) => x * 32768));
      try {
        const [fromAudio, fromTensor] = [mfcc(audio), mfcc(scaled)];
        await expectTensorsClose(fromAudio, fromTensor, { atol: 1e-4 });
        tf.dispose([fromAudio, fromTensor]);
      } finally {
        scaled.dispose();
      }
    });
    const stereo = { sampleRate: 16000, channels: [samples, samples] };
    await expectNoLeakedTensors(() => {
      for (let round = 0; round < 2; round++) {
        expect(() => mfcc({ sampleRate: 22050, channels: [samples] })).toThrow(
          'mfcc: expected audio sampled at 16000 Hz (options.sampleRate), got 22050 Hz: ' +
            'resample(channel, 22050, 16000) first',
        );
        expect(() => fbank({ sampleRate: 16000, channels: [samples] }, { sampleRate: 8000 })).toThrow(
          'fbank: expected audio sampled at 8000 Hz (options.sampleRate), got 16000 Hz',
        );
        expect(() => fbank(stereo)).toThrow('fbank: expected mono audio (1 channel), got 2 channels');
        expect(() => mfcc({ sampleRate: 16000, channels: [Float32Array.from([...samples, Number.NaN])] })).toThrow(
          'mfcc: expected finite samples, got NaN at sample 1000',
        );
        expect(() => mfcc({ sampleRate: 16000, channels: [samples.subarray(0, 100)] })).toThrow(
          'mfcc: expected signal of at least 400 samples (one 25 ms frame at 16000 Hz), got 100 samples',
        );
      }
    });
  });
});
