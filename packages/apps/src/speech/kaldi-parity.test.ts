import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { loadTorchFixture } from '@baihua/test-fixtures';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { fbank, type MfccOptions, mfcc } from './index.js';

// Every fbank / mfcc case of torchaudio 0.13 (float64): the two of torch-reference-2.json's 'kaldi' section
// (defaults) and those of torchaudio-kaldi.json (odd lengths, one frame, silence, energy and other options).
const cases: [section: string, name: string][] = [
  ['kaldi', 'kaldi_tone_noise'],
  ['kaldi', 'kaldi_with_silence'],
  ...[
    'odd_length',
    'one_frame',
    'silence',
    'silence_energy',
    'custom_mel',
    'custom_energy',
    'raw_energy_floor',
    'no_snip_edges',
  ].map((name): [string, string] => ['kaldiFeatures', name]),
];

/** max |a - e| and max |e| (the figures reported); passes at 1e-5 + 1e-4 max |e| (the 1e-4 relative). */
// For mfcc the scale is also that of its input, the log mel energies: C_i of constant log energies (silence
// with useEnergy) are 1e-13 in float64, and float32's rounding of the DCT matrix alone leaves 2.7e-5.
async function compare(actual: tf.Tensor, expected: { shape: number[]; data: number[] }, inputScale = 0) {
  expect(actual.shape).toEqual(expected.shape);
  const values = await actual.data();
  let maxDiff = 0;
  let maxExpected = 0;
  expected.data.forEach((e, i) => {
    maxDiff = Math.max(maxDiff, Math.abs((values[i] as number) - e));
    maxExpected = Math.max(maxExpected, Math.abs(e));
  });
  return { maxDiff, maxExpected, limit: 1e-5 + 1e-4 * Math.max(maxExpected, inputScale) };
}

describeEachBackend('speech: fbank and mfcc equal torchaudio.compliance.kaldi', (backend) => {
  test.each(cases)('%s.%s', async (section, name) => {
    const c = loadTorchFixture(section, name);
    const options = (c.keys.includes('options') ? c.get('options') : {}) as MfccOptions;
    const { numCeps, cepstralLifter, ...fbankOptions } = options;
    await expectNoLeakedTensors(async () => {
      const signal = c.tensor('signal') as tf.Tensor1D;
      try {
        const [f, m] = [fbank(signal, fbankOptions), mfcc(signal, options)];
        const logMel = await compare(f, c.spec('fbank'));
        const results = { fbank: logMel, mfcc: await compare(m, c.spec('mfcc'), logMel.maxExpected) };
        tf.dispose([f, m]);
        for (const [kind, r] of Object.entries(results)) {
          console.log(
            `parity ${backend} ${name} ${kind}: max |diff| ${r.maxDiff.toExponential(2)} ` +
              `(max |e| ${r.maxExpected.toFixed(2)})`,
          );
          expect(r.maxDiff, `${kind}`).toBeLessThanOrEqual(r.limit);
        }
      } finally {
        signal.dispose();
      }
    });
  });
});
