import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import {
  createSpeechRecognizer,
  readWav,
  recognize,
  recognizerFeatures,
  trainSpeechRecognizer,
  type TrainSpeechRecognizerOptions,
  writeWav,
} from './index.js';

/** 0.36 s of two tones with a gap, at 16 kHz: a stand-in utterance that needs no synthesiser. */
function tones(first: number, second: number) {
  const samples = Float32Array.from({ length: 5760 }, (_, i) => {
    const tone = i < 2400 ? first : i > 3360 ? second : 0;
    return 0.3 * Math.sin((2 * Math.PI * tone * i) / 16000) + 0.01 * Math.sin(i);
  });
  return { sampleRate: 16000, channels: [samples] };
}

describeEachBackend('speech recognition: a tiny recogniser', () => {
  test('trains with CTC, recognises with word timings inside the audio, and leaks nothing', async () => {
    const recognizer = createSpeechRecognizer({ vocabulary: ['low', 'high'], units: 4, layers: 1, seed: 2 });
    try {
      expect(recognizer.model.countParams()).toBe(2 * 4 * (4 * (78 + 4 + 1)) + 9 * 3);
      const audio = [tones(300, 2000), tones(2000, 300)];
      await expectNoLeakedTensors(async () => {
        const { loss } = await trainSpeechRecognizer(
          recognizer,
          { audio, texts: ['low high', 'high low'] },
          { steps: 2, batchSize: 2, learningRate: 0.01 },
        );
        expect(loss).toHaveLength(2);
        expect(loss.every((l) => Number.isFinite(l) && l > 0)).toBe(true);
        for (const beamWidth of [1, 4]) {
          const { text, words } = await recognize(recognizer, audio[0] as never, {
            beamWidth,
            lexicon: ['low', 'high'],
          });
          expect(text).toBe(words.map((w) => w.word).join(' '));
          for (const w of words) {
            expect(['low', 'high']).toContain(w.word);
            expect(w.start).toBeGreaterThanOrEqual(0);
            expect(w.end).toBeGreaterThan(w.start);
            expect(w.end).toBeLessThanOrEqual(0.36 + 1e-9);
          }
        }
      });
    } finally {
      recognizer.model.dispose();
    }
  });

  test('speeds and specAugment change what is trained on, stay seeded, and leak nothing', async () => {
    const data = { audio: [tones(300, 2000), tones(2000, 300)], texts: ['low high', 'high low'] };
    const losses = async (options: Partial<TrainSpeechRecognizerOptions>) => {
      const recognizer = createSpeechRecognizer({ vocabulary: ['low', 'high'], units: 4, layers: 1, seed: 2 });
      try {
        const settings = { steps: 2, batchSize: 2, learningRate: 0.01, ...options };
        return (await trainSpeechRecognizer(recognizer, data, settings)).loss;
      } finally {
        recognizer.model.dispose();
      }
    };
    await expectNoLeakedTensors(async () => {
      const plain = await losses({});
      // The augmentation draws its own random stream: the batches of a seed are those of plain training.
      expect(await losses({ speeds: [1] })).toEqual(plain);
      const both = { speeds: [0.9, 1.1], specAugment: { timeMasks: 2, maxTimeWidth: 8 } };
      const [perturbed, masked, again] = [
        await losses({ speeds: both.speeds }),
        await losses({ specAugment: both.specAugment }),
        await losses(both),
      ];
      expect(perturbed[0]).not.toBeCloseTo(plain[0] as number, 4);
      expect(masked[0]).not.toBeCloseTo(plain[0] as number, 4);
      expect(await losses(both)).toEqual(again);
      expect([...perturbed, ...masked, ...again].every((l) => Number.isFinite(l) && l > 0)).toBe(true);
    });
  });

  test('bad audio and options: clear errors naming function and argument, nothing leaked on repeat', async () => {
    const recognizer = createSpeechRecognizer({ vocabulary: ['a'], units: 2, layers: 1 });
    const good = tones(300, 900);
    const nan = tones(300, 900);
    (nan.channels[0] as Float32Array)[7] = Number.NaN;
    const corrupt = writeWav(good);
    corrupt.set([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x58], 0);
    const cases: [() => Promise<unknown>, string][] = [
      [
        () => recognize(recognizer, { sampleRate: 16000, channels: [new Float32Array(0)] }),
        'recognize: expected audio of at least 1600 samples (0.1 s at 16 kHz), got 0 samples',
      ],
      [
        () => recognize(recognizer, { sampleRate: 16000, channels: [new Float32Array(800)] }),
        'recognize: expected audio of at least 1600 samples',
      ],
      [
        () => recognize(recognizer, { sampleRate: 44100, channels: good.channels }),
        'recognize: expected audio sampled at 16000 Hz, got 44100 Hz: resample(channel, 44100, 16000) first',
      ],
      [
        () =>
          recognize(recognizer, {
            sampleRate: 16000,
            channels: [good.channels[0] as Float32Array, good.channels[0] as Float32Array],
          }),
        'recognize: expected mono audio (1 channel), got 2 channels',
      ],
      [() => recognize(recognizer, nan), 'recognize: expected finite audio samples, got NaN at sample 7'],
      [async () => recognize(recognizer, readWav(corrupt)), 'readWav: expected bytes of a RIFF/WAVE file, got'],
      [
        () => recognize(recognizer, good, { beamWidth: 1.5 }),
        'recognize: expected options.beamWidth to be a whole number >= 0, got 1.5',
      ],
      [() => recognize(recognizer, good, { beam: 4 } as never), "recognize: unknown key 'beam' in options"],
      [() => recognize(recognizer, good, { lexicon: [] }), 'snapToLexicon: expected lexicon to be a non-empty array'],
      [
        () => trainSpeechRecognizer(recognizer, { audio: [good], texts: ['b'] }, { steps: 1 }),
        "trainSpeechRecognizer: expected data.texts[0] to use vocabulary words, got 'b'",
      ],
      [
        () => trainSpeechRecognizer(recognizer, { audio: [good, good], texts: ['a'] }, { steps: 1 }),
        'trainSpeechRecognizer: expected data { audio, texts } of equal non-zero lengths, got 2 and 1',
      ],
      [
        () => trainSpeechRecognizer(recognizer, { audio: [good, nan], texts: ['a', 'a'] }, { steps: 1 }),
        'trainSpeechRecognizer: expected usable data.audio[1]: finite audio samples, got NaN at sample 7',
      ],
      [
        () => trainSpeechRecognizer(recognizer, { audio: [good], texts: ['a'] }, { steps: 0 }),
        'trainSpeechRecognizer: expected options.steps',
      ],
      [
        () => trainSpeechRecognizer(recognizer, { audio: [good], texts: ['a'] }, { steps: 1, speeds: [1, 3] }),
        'trainSpeechRecognizer: expected options.speeds to be factors in [0.5, 2], got [1,3]',
      ],
      [
        () => trainSpeechRecognizer(recognizer, { audio: [good], texts: ['a'] }, { steps: 1, speeds: [] }),
        'trainSpeechRecognizer: expected options.speeds to be factors in [0.5, 2], got []',
      ],
      [
        () =>
          trainSpeechRecognizer(
            recognizer,
            { audio: [good], texts: ['a'] },
            { steps: 1, specAugment: { timeMasks: -1 } },
          ),
        'trainSpeechRecognizer: expected options.specAugment.timeMasks >= 0, got -1',
      ],
      [
        async () => createSpeechRecognizer({ vocabulary: ['a', 'a'] }),
        'createSpeechRecognizer: expected options.vocabulary without repeats, got [a, a]',
      ],
      [
        async () => createSpeechRecognizer({ vocabulary: ['two words'] }),
        'createSpeechRecognizer: expected options.vocabulary to be non-empty words without spaces',
      ],
      [
        async () => createSpeechRecognizer({ vocabulary: ['a'], unit: 3 } as never),
        "createSpeechRecognizer: unknown key 'unit' in options",
      ],
      [async () => recognizerFeatures(good, 0), 'recognizerFeatures: expected stack'],
    ];
    try {
      for (let round = 0; round < 2; round++)
        await expectNoLeakedTensors(async () => {
          for (const [call, message] of cases) await expect(call()).rejects.toThrow(message);
        });
    } finally {
      recognizer.model.dispose();
    }
  });

  test('features: 26 normalised coefficients per 10 ms frame, stacked in threes', async () => {
    const features = recognizerFeatures(tones(300, 900), 3);
    try {
      // 5760 samples: 1 + (5760 - 400) / 160 = 34 frames -> 11 steps of 78.
      expect(features.shape).toEqual([11, 78]);
      const first = tf.tidy(() => tf.slice(features, [0, 0], [-1, 26]));
      expect(Math.abs((await tf.mean(first).data())[0] as number)).toBeLessThan(0.2);
      first.dispose();
    } finally {
      features.dispose();
    }
  });
});
