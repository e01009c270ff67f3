import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '@baihua/core';
import { describe, expect, test } from 'vitest';
import { espeakMissing, reportMissingEspeak } from './espeak-for-tests.js';
import { addNoise, corpusLexicon, randomUtterance, readCorpusAudio, speakCorpus } from './index.js';

test('random utterances: 3-7 digit words or a command phrase; Mandarin digits as spaced characters', () => {
  const random = createRandom(3);
  const english = Array.from({ length: 200 }, () => randomUtterance(random, 'en'));
  expect(corpusLexicon('en').slice(10)).toEqual([
    'go',
    'left',
    'right',
    'stop',
    'up',
    'down',
    'yes',
    'no',
    'turn',
    'now',
  ]);
  expect(corpusLexicon('cmn').join('')).toBe('零一二三四五六七八九');
  const lexicon = new Set(corpusLexicon('en'));
  for (const text of english) for (const word of text.split(' ')) expect(lexicon.has(word)).toBe(true);
  const lengths = new Set(english.filter((t) => t.split(' ').length >= 3).map((t) => t.split(' ').length));
  expect([...lengths].sort()).toEqual([3, 4, 5, 6, 7]);
  expect(english.filter((t) => t.split(' ').length < 3).length).toBeGreaterThan(20); // commands, about 25%
  const mandarin = randomUtterance(createRandom(4), 'cmn');
  expect(mandarin).toMatch(/^[零一二三四五六七八九]( [零一二三四五六七八九]){2,6}$/);
  expect(() => randomUtterance(random, 'fr' as never)).toThrow(
    "randomUtterance: expected language to be one of 'en', 'cmn'",
  );
});

test('addNoise hits the SNR: noise power = signal power / 10^(snr / 10)', () => {
  const signal = Float32Array.from({ length: 40000 }, (_, i) => 0.5 * Math.sin(i / 5));
  const noisy = addNoise(signal, 10, createRandom(1));
  let signalPower = 0;
  let noisePower = 0;
  signal.forEach((x, i) => {
    signalPower += x * x;
    noisePower += ((noisy[i] as number) - x) ** 2;
  });
  expect(10 * Math.log10(signalPower / noisePower)).toBeCloseTo(10, 1);
  expect(() => addNoise(signal, Number.NaN, createRandom(1))).toThrow('addNoise: expected snrDb to be a number of dB');
});

test('speakCorpus checks its options before speaking', async () => {
  const base = { directory: '/tmp/unused', utterances: 1, voices: ['en-us'], testVoices: ['en-gb'] };
  const cases: [object, string][] = [
    [{ ...base, testVoices: ['en-us'] }, 'speakCorpus: expected test voices never used in training, got en-us in both'],
    [{ ...base, voices: [] }, 'speakCorpus: expected options.voices to be a non-empty array of voices'],
    [{ ...base, voices: ['en us; rm'] }, "speakCorpus: expected options.voices like 'en-us+m3', got 'en us; rm'"],
    [{ ...base, utterances: 0 }, 'speakCorpus: expected options.utterances'],
    [
      { ...base, testUtterances: 1.5 },
      'speakCorpus: expected options.testUtterances to be a positive integer, got 1.5',
    ],
    [{ ...base, snrs: [Number.POSITIVE_INFINITY] }, 'speakCorpus: expected options.snrs to be finite dB values'],
    [{ ...base, pitches: [50, 120] }, 'speakCorpus: expected options.pitches as [min, max] within 1..99, got [50,120]'],
    [{ ...base, voice: ['x'] }, "speakCorpus: unknown key 'voice' in options"],
  ];
  for (const [options, message] of cases) await expect(speakCorpus(options as never)).rejects.toThrow(message);
});

const missing = espeakMissing();
describe('speakCorpus with espeak-ng', () => {
  if (missing !== undefined) {
    reportMissingEspeak(missing);
    return;
  }
  test('speaks 16 kHz utterances, splits by speaker, and reuses the manifest on a second call', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'baihua-corpus-'));
    try {
      const options = {
        directory,
        utterances: 2,
        voices: ['en-us+m1', 'en-gb+f2'],
        testVoices: ['en-gb-scotland+m3'],
        snrs: [20],
        seed: 5,
      };
      const corpus = await speakCorpus(options);
      expect(corpus.train.map((e) => e.voice)).toEqual(['en-us+m1', 'en-us+m1', 'en-gb+f2', 'en-gb+f2']);
      expect(corpus.test.map((e) => e.voice)).toEqual(['en-gb-scotland+m3', 'en-gb-scotland+m3']);
      const audio = readCorpusAudio(corpus, corpus.test[0] as never);
      expect(audio.sampleRate).toBe(16000);
      expect(audio.channels).toHaveLength(1);
      expect(audio.channels[0]?.length).toBeGreaterThan(8000); // at least half a second of speech
      const written = statSync(join(directory, 'manifest.json')).mtimeMs;
      const again = await speakCorpus(options);
      expect(again).toEqual(corpus);
      expect(statSync(join(directory, 'manifest.json')).mtimeMs).toBe(written);
      const other = await speakCorpus({ ...options, seed: 6 });
      expect(other.train.map((e) => e.text)).not.toEqual(corpus.train.map((e) => e.text));
      // Test voices speak testUtterances each, from their own stream: the same texts whatever the training voices.
      const longer = await speakCorpus({ ...options, directory: join(directory, 'b'), testUtterances: 3 });
      const fewer = await speakCorpus({ ...options, directory: join(directory, 'c'), voices: ['en-us+m1'] });
      expect(longer.test.map((e) => e.text).slice(0, 2)).toEqual(corpus.test.map((e) => e.text));
      expect(longer.test).toHaveLength(3);
      expect(fewer.test.map((e) => e.text)).toEqual(corpus.test.map((e) => e.text));
      await expect(speakCorpus({ ...options, voices: ['xx-nosuch'] })).rejects.toThrow(
        "speakCorpus: espeak-ng failed for voice 'xx-nosuch'",
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
