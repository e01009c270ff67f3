import { ArgumentError, BaihuaError, assertKnownOptions, assertPositiveInteger, createRandom } from '@baihua/core';
import { addNoise } from './add-noise.js';
import { type CorpusLanguage, randomUtterance } from './corpus-texts.js';
import { readWav } from './read-wav.js';
import { resample } from './resample.js';
import { writeWav } from './write-wav.js';

/** Options of {@link speakCorpus}. */
export interface SpeakCorpusOptions {
  /** Folder holding the WAV files and manifest.json (created; reused when the options match). Required. */
  directory: string;
  /** Utterances spoken by each training voice. Required. */
  utterances: number;
  /** Utterances spoken by each test voice. Default `utterances`. */
  testUtterances?: number;
  /** Training speakers: espeak-ng voices `voice[+variant]`, e.g. 'en-us+m3'. Required. */
  voices: readonly string[];
  /** Test speakers, none of them in `voices` (so the test set is never heard in training). Required. */
  testVoices: readonly string[];
  /** 'en' (digit words and commands, default) or 'cmn' (Mandarin digits). */
  language?: CorpusLanguage;
  /** Noise levels in dB, one drawn per utterance. Default [30, 20, 10]. */
  snrs?: readonly number[];
  /** Speaking rate range [min, max] in words per minute (espeak-ng -s). Default [130, 200]. */
  speeds?: readonly [number, number];
  /** Pitch range [min, max] in 0..99 (espeak-ng -p). Default [25, 75]. */
  pitches?: readonly [number, number];
  /** Share of English utterances that are command phrases. Default 0.25. */
  commandShare?: number;
  /** Default 1. */
  seed?: number;
}

/** One utterance of a corpus (a manifest row): 16 kHz mono PCM16 WAV in `file`, relative to the folder. */
export interface CorpusEntry {
  file: string;
  text: string;
  voice: string;
  split: 'train' | 'test';
  snr: number;
  speed: number;
  pitch: number;
}

/** What {@link speakCorpus} returns: the folder and its rows, split by speaker. */
export interface SpeechCorpus {
  directory: string;
  language: CorpusLanguage;
  train: CorpusEntry[];
  test: CorpusEntry[];
}

const fn = 'speakCorpus';
const optionKeys = [
  'directory',
  'utterances',
  'testUtterances',
  'voices',
  'testVoices',
  'language',
  'snrs',
  'speeds',
  'pitches',
  'commandShare',
  'seed',
] as const;
const voicePattern = /^[a-z][a-z0-9-]*(\+[A-Za-z0-9_-]+)?$/;

/**
 * Speaks a corpus with Debian's espeak-ng: `utterances` random texts per training voice and
 * `testUtterances` per test voice ({@link randomUtterance}; the test voices from a random stream of their own),
 * each at a random speed and pitch in the ranges, resampled from espeak's 22,050 Hz to 16 kHz, with white
 * noise at an SNR drawn from `snrs`, written as PCM16 WAV under `directory`, with manifest.json listing
 * text, voice, split, snr, speed, pitch and file. A second call with the same options reads the manifest
 * back instead of speaking again. Train and test are split by speaker: every `testVoices` utterance is
 * 'test' and no test speaker is a training one (hold out base voices, not only variants, for truly
 * unheard voices; `cmn` has one base voice, so there only variants, speeds and pitches differ). Node only;
 * throws naming the apt package when espeak-ng is missing. Deterministic for a seed.
 *
 * @example
 * const corpus = await speakCorpus({ directory: '/tmp/digits', utterances: 20,
 *   voices: ['en-us+m1', 'en-gb+f2'], testVoices: ['en-gb-scotland+m3'] });
 *
 * In plain words: let a speech synthesiser read out phone numbers in many voices, and keep some voices for the exam.
 */
export async function speakCorpus(options: SpeakCorpusOptions): Promise<SpeechCorpus> {
  const plan = checkCorpusOptions(options);
  const node = nodeModules();
  const { directory } = options;
  const manifestPath = node.path.join(directory, 'manifest.json');
  const key = JSON.stringify(plan);
  if (node.fs.existsSync(manifestPath)) {
    const saved = JSON.parse(node.fs.readFileSync(manifestPath, 'utf8')) as { key: string; entries: CorpusEntry[] };
    if (saved.key === key && saved.entries.every((e) => node.fs.existsSync(node.path.join(directory, e.file))))
      return splitCorpus(directory, plan.language, saved.entries);
  }
  node.fs.mkdirSync(directory, { recursive: true });
  // The test speakers draw from their own stream, so their utterances do not change with the training voices.
  const streams = { train: createRandom(plan.seed), test: createRandom(plan.seed + 104729) };
  const entries: CorpusEntry[] = [];
  const speakers = [
    ...plan.voices.map((v) => [v, 'train'] as const),
    ...plan.testVoices.map((v) => [v, 'test'] as const),
  ];
  const scratch = node.path.join(directory, '.espeak.wav');
  for (const [voice, split] of speakers)
    for (let i = 0; i < (split === 'train' ? plan.utterances : plan.testUtterances); i++) {
      const random = streams[split];
      const text = randomUtterance(random, plan.language, plan.commandShare);
      const speed = Math.round(plan.speeds[0] + random.next() * (plan.speeds[1] - plan.speeds[0]));
      const pitch = Math.round(plan.pitches[0] + random.next() * (plan.pitches[1] - plan.pitches[0]));
      const snr = plan.snrs[random.integer(plan.snrs.length)] as number;
      const spoken = node.childProcess.spawnSync('espeak-ng', [
        '-v',
        voice,
        '-s',
        String(speed),
        '-p',
        String(pitch),
        '-w',
        scratch,
        text,
      ]);
      if (spoken.error || spoken.status !== 0)
        throw new BaihuaError(
          `${fn}: espeak-ng failed for voice '${voice}': ${spoken.error?.message ?? String(spoken.stderr).trim()}` +
            (spoken.error ? ' (apt-get install espeak-ng)' : ''),
        );
      const audio = readWav(new Uint8Array(node.fs.readFileSync(scratch)));
      const at16k = resample(audio.channels[0] as Float32Array, audio.sampleRate, 16000);
      const file = `${split}/${voice.replace('+', '_')}-${i}.wav`;
      node.fs.mkdirSync(node.path.join(directory, split), { recursive: true });
      const noisy = addNoise(at16k, snr, random);
      node.fs.writeFileSync(node.path.join(directory, file), writeWav({ sampleRate: 16000, channels: [noisy] }));
      entries.push({ file, text, voice, split, snr, speed, pitch });
    }
  node.fs.rmSync(scratch, { force: true });
  node.fs.writeFileSync(manifestPath, JSON.stringify({ key, entries }, null, 1));
  return splitCorpus(directory, plan.language, entries);
}

function checkCorpusOptions(options: SpeakCorpusOptions) {
  if (typeof options !== 'object' || options === null)
    throw new ArgumentError(
      fn,
      `expected an options object { directory, utterances, voices, testVoices }, got ${options}`,
    );
  assertKnownOptions(fn, 'options', options, optionKeys);
  const { directory, utterances, voices, testVoices, language = 'en', seed = 1, commandShare = 0.25 } = options;
  const { testUtterances = utterances } = options;
  const { snrs = [30, 20, 10], speeds = [130, 200], pitches = [25, 75] } = options;
  if (typeof directory !== 'string' || directory === '')
    throw new ArgumentError(fn, `expected options.directory to be a folder path, got ${String(directory)}`);
  assertPositiveInteger(fn, 'options.utterances', utterances);
  assertPositiveInteger(fn, 'options.testUtterances', testUtterances);
  for (const [name, list] of [
    ['voices', voices],
    ['testVoices', testVoices],
  ] as const) {
    if (!Array.isArray(list) || list.length === 0)
      throw new ArgumentError(fn, `expected options.${name} to be a non-empty array of voices, got ${String(list)}`);
    const bad = list.find((v) => typeof v !== 'string' || !voicePattern.test(v));
    if (bad !== undefined) throw new ArgumentError(fn, `expected options.${name} like 'en-us+m3', got '${bad}'`);
  }
  const heard = testVoices.filter((v) => voices.includes(v));
  if (heard.length > 0)
    throw new ArgumentError(fn, `expected test voices never used in training, got ${heard.join(', ')} in both`);
  if (!Array.isArray(snrs) || snrs.length === 0 || !snrs.every(Number.isFinite))
    throw new ArgumentError(fn, `expected options.snrs to be finite dB values, got [${String(snrs)}]`);
  for (const [name, range, top] of [
    ['speeds', speeds, 450],
    ['pitches', pitches, 99],
  ] as const)
    if (!(range.length === 2 && range[0] >= 1 && range[0] <= range[1] && range[1] <= top))
      throw new ArgumentError(fn, `expected options.${name} as [min, max] within 1..${top}, got [${String(range)}]`);
  if (!(commandShare >= 0 && commandShare <= 1))
    throw new ArgumentError(fn, `expected options.commandShare in [0, 1], got ${commandShare}`);
  if (language !== 'en' && language !== 'cmn')
    throw new ArgumentError(fn, `expected options.language 'en' or 'cmn', got ${String(language)}`);
  return { utterances, testUtterances, voices, testVoices, language, seed, commandShare, snrs, speeds, pitches };
}

function splitCorpus(directory: string, language: CorpusLanguage, entries: CorpusEntry[]): SpeechCorpus {
  return {
    directory,
    language,
    train: entries.filter((e) => e.split === 'train'),
    test: entries.filter((e) => e.split === 'test'),
  };
}

interface NodeModules {
  fs: typeof import('node:fs');
  path: typeof import('node:path');
  childProcess: typeof import('node:child_process');
}

/** Node's fs, path and child_process, loaded at run time so bundles stay browser-safe. */
export function nodeModules(): NodeModules {
  const getBuiltin = (globalThis.process as { getBuiltinModule?: (id: string) => unknown } | undefined)
    ?.getBuiltinModule;
  if (getBuiltin === undefined)
    throw new BaihuaError(`${fn}: expected Node (espeak-ng runs as a process), got no process.getBuiltinModule`);
  return {
    fs: getBuiltin('node:fs') as NodeModules['fs'],
    path: getBuiltin('node:path') as NodeModules['path'],
    childProcess: getBuiltin('node:child_process') as NodeModules['childProcess'],
  };
}
