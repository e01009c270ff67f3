// The decoders' conventions (issue 11): the loss's fromLogits and timeMajor, one result shape,
// mergeRepeated, padding never read, unknown option keys.
import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { ctcBeamSearchDecode } from './ctc-beam-search-decode.js';
import { ctcGreedyDecode } from './ctc-greedy-decode.js';

/** Raw scores [1, T, C]: 3 for the class of `path` at each frame, 0 elsewhere. */
const peaked = (path: number[], classes: number) =>
  tf.tensor3d([path.map((c) => Array.from({ length: classes }, (_, k) => (k === c ? 3 : 0)))]);

function randomValues(seed: number, shape: [number, number, number], scale = 1, shift = 0): number[][][] {
  const random = createRandom(seed);
  const [n, t, c] = shape;
  return Array.from({ length: n }, () =>
    Array.from({ length: t }, () => Array.from({ length: c }, () => random.normal() * scale + shift)),
  );
}

describeEachBackend('CTC decoding conventions', () => {
  test('greedy mergeRepeated: false keeps repeats, drops only blanks (TensorFlow merge_repeated=False)', async () => {
    const logits = peaked([1, 1, 0, 1, 2, 2, 0, 2], 3);
    try {
      expect((await ctcGreedyDecode(logits)).paths).toEqual([[[1, 1, 2, 2]]]);
      expect((await ctcGreedyDecode(logits, { mergeRepeated: false })).paths).toEqual([[[1, 1, 1, 2, 2, 2]]]);
      await expect(ctcGreedyDecode(logits, { mergeRepeated: 'no' as never })).rejects.toThrow(
        'ctcGreedyDecode: expected mergeRepeated to be true or false, got "no"',
      );
    } finally {
      logits.dispose();
    }
  });

  test('greedy and beam search return the same shape: paths[n][k], logProbabilities[n][k]', async () => {
    const logits = tf.concat([peaked([1, 0, 2, 2], 3), peaked([2, 2, 0, 0], 3)], 0);
    try {
      const greedy = await ctcGreedyDecode(logits, { inputLengths: [4, 3] });
      const beam = await ctcBeamSearchDecode(logits, { inputLengths: [4, 3], beamWidth: 4 });
      expect(greedy.paths).toEqual([[[1, 2]], [[2]]]);
      expect(beam.paths).toEqual(greedy.paths);
      expect(greedy.logProbabilities.map((row) => row.length)).toEqual([1, 1]);
      expect(beam.logProbabilities.map((row) => row.length)).toEqual([1, 1]);
      // greedy: the best path's probability; beam: the labelling's, which adds the other paths
      const frame = Math.log(Math.exp(3) / (Math.exp(3) + 2));
      expect(greedy.logProbabilities[0]?.[0]).toBeCloseTo(4 * frame, 4);
      expect(beam.logProbabilities[0]?.[0] as number).toBeGreaterThan(greedy.logProbabilities[0]?.[0] as number);
    } finally {
      logits.dispose();
    }
  });

  test('raw logits by default: log-probabilities <= 0 (not +56), as log-softmax with fromLogits: false', async () => {
    const logits = tf.tensor3d(randomValues(7, [2, 6, 4], 3, 10)); // scores around 10: a sum of 6 frames is ~60
    const logProbs = tf.logSoftmax(logits);
    try {
      const beam = await ctcBeamSearchDecode(logits, { beamWidth: 8, topPaths: 2 });
      const reference = await ctcBeamSearchDecode(logProbs, { beamWidth: 8, topPaths: 2, fromLogits: false });
      expect(beam.paths).toEqual(reference.paths);
      for (const [n, row] of beam.logProbabilities.entries())
        for (const [k, value] of row.entries()) {
          expect(value).toBeLessThanOrEqual(0);
          expect(value).toBeCloseTo(reference.logProbabilities[n]?.[k] as number, 4);
        }
      const greedy = await ctcGreedyDecode(logits);
      expect(greedy.logProbabilities.flat().every((value) => value <= 0)).toBe(true);
      // Raw scores declared as log-probabilities are refused, not decoded into a positive "log probability".
      for (const decode of [ctcBeamSearchDecode, ctcGreedyDecode])
        await expect(decode(logits, { fromLogits: false })).rejects.toThrow(
          new RegExp(
            "expected log-probabilities with fromLogits: false \\(each frame's probabilities summing to 1\\), " +
              'got frame 0 of sequence 0 summing to .*; pass fromLogits: true \\(the default\\) for raw scores$',
          ),
        );
    } finally {
      tf.dispose([logits, logProbs]);
    }
  });

  test('timeMajor: [T, N, C] decodes as its transpose; a layout mix-up names the layout', async () => {
    const batchMajor = tf.tensor3d(randomValues(3, [2, 5, 4], 2));
    const timeMajor = tf.transpose(batchMajor, [1, 0, 2]);
    const inputLengths = [5, 3];
    try {
      for (const decode of [ctcGreedyDecode, ctcBeamSearchDecode]) {
        const expected = await decode(batchMajor, { inputLengths });
        expect(await decode(timeMajor, { inputLengths, timeMajor: true })).toEqual(expected);
        expect(expected.paths[0]?.[0]?.length).toBeGreaterThan(0);
        await expect(decode(timeMajor, { inputLengths })).rejects.toThrow(
          'expected inputLengths of length 5 (one per sequence, N of logits [5,2,4] read as [N, T, C] with ' +
            'timeMajor: false), got length 2; did you mean timeMajor: true?',
        );
        await expect(decode(batchMajor, { inputLengths, timeMajor: true })).rejects.toThrow(
          /read as \[T, N, C\] with timeMajor: true\), got length 2; did you mean timeMajor: false\?$/,
        );
      }
    } finally {
      tf.dispose([batchMajor, timeMajor]);
    }
  });

  test('frames past inputLengths are never read (NaN, +-Infinity change nothing); NaN inside: error', async () => {
    const values = randomValues(5, [2, 6, 4], 2);
    const inputLengths = [6, 3];
    const junk = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    const dirty = values.map((sequence, n) =>
      sequence.map((row, t) =>
        t < (inputLengths[n] as number) ? row : row.map((_, c) => junk[(t + c) % 3] as number),
      ),
    );
    const clean = tf.tensor3d(values);
    const padded = tf.tensor3d(dirty);
    const logProbs = tf.logSoftmax(padded); // non-finite rows stay non-finite
    const inside = tf.tensor3d(dirty.map((sequence) => sequence.map((row) => row.map(() => Number.NaN))));
    try {
      for (const decode of [ctcGreedyDecode, ctcBeamSearchDecode]) {
        const expected = await decode(clean, { inputLengths });
        expect(await decode(padded, { inputLengths })).toEqual(expected);
        expect((await decode(logProbs, { inputLengths, fromLogits: false })).paths).toEqual(expected.paths);
        await expect(decode(inside, { inputLengths: [1, 0] })).rejects.toThrow(
          /expected finite logits inside inputLengths .*got a frame whose log-softmax is NaN: frame 0 of sequence 0/,
        );
        await expect(decode(inside, { inputLengths: [0, 0] })).resolves.toEqual({
          paths: [[[]], [[]]],
          logProbabilities: [[0], [0]],
        });
      }
    } finally {
      tf.dispose([clean, padded, logProbs, inside]);
    }
  });

  test('unknown option keys suggest the known one; failing calls leak nothing', async () => {
    const logits = tf.zeros([2, 4, 3]);
    const ones = tf.ones([2, 4, 3]);
    try {
      const before = tf.memory().numTensors;
      for (let i = 0; i < 100; i++) {
        await expect(ctcGreedyDecode(logits, { beamWidth: 4 } as never)).rejects.toThrow(
          "ctcGreedyDecode: unknown key 'beamWidth' in options (known: blank, fromLogits, inputLengths, " +
            'mergeRepeated, timeMajor)',
        );
        await expect(ctcBeamSearchDecode(logits, { toppaths: 2 } as never)).rejects.toThrow(
          /^ctcBeamSearchDecode: unknown key 'toppaths' in options \(did you mean 'topPaths'\?/,
        );
        await expect(ctcBeamSearchDecode(logits, { sequenceLengths: [4, 4] } as never)).rejects.toThrow(
          /unknown key 'sequenceLengths' in options \(did you mean 'inputLengths'\? the name ctcLoss uses/,
        );
        await expect(ctcGreedyDecode(logits, { fromLogits: 'false' } as never)).rejects.toThrow(
          'ctcGreedyDecode: expected fromLogits to be true or false, got "false"',
        );
        // a frame of three scores 1: exp(1) * 3 = 8.155, refused after the read, the tensor disposed
        await expect(ctcGreedyDecode(ones, { fromLogits: false })).rejects.toThrow(/summing to 8\.155/);
      }
      await expect(ctcBeamSearchDecode(logits, { mergeRepeated: false } as never)).rejects.toThrow(
        /unknown key 'mergeRepeated'/,
      );
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      tf.dispose([logits, ones]);
    }
  });
});
