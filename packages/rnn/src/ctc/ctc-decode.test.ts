import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { ctcBeamSearchDecode } from './ctc-beam-search-decode.js';
import { ctcGreedyDecode } from './ctc-greedy-decode.js';
import { collapsePath } from './ctc-input.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

/** log-probabilities [1, T, C] from per-frame probabilities. */
const logOf = (frames: number[][]) => tf.log(tf.tensor3d([frames]));

/** Exact p(labelling | x) for every labelling, by enumerating all C^T frame paths (float64). */
function exhaustive(frames: number[][], blank: number): Map<string, number> {
  const classes = (frames[0] as number[]).length;
  const totals = new Map<string, number>();
  const path: number[] = [];
  const walk = (t: number, p: number) => {
    if (t === frames.length) {
      const key = collapsePath(path, blank).join(',');
      totals.set(key, (totals.get(key) ?? 0) + p);
      return;
    }
    for (let c = 0; c < classes; c++) {
      path.push(c);
      walk(t + 1, p * (frames[t] as number[])[c]!);
      path.pop();
    }
  };
  walk(0, 1);
  return totals;
}

function randomFrames(seed: number, time: number, classes: number): number[][] {
  const random = createRandom(seed);
  return Array.from({ length: time }, () => {
    const raw = Array.from({ length: classes }, () => Math.exp(2 * random.normal()));
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((v) => v / sum);
  });
}

describeEachBackend('CTC decoding', () => {
  test('greedy: argmax per frame, repeats merged, blanks removed, lengths respected', async () => {
    // argmax path: 1 1 0 2 2 0 0 1 -> [1, 2, 1]; with length 5: 1 1 0 2 2 -> [1, 2].
    const path = [1, 1, 0, 2, 2, 0, 0, 1];
    const frames = path.map((c) => [0, 1, 2].map((k) => (k === c ? 0.8 : 0.1)));
    const logProbs = tf.concat([logOf(frames), logOf(frames)], 0);
    const { paths, logProbabilities } = await ctcGreedyDecode(logProbs, { inputLengths: [8, 5], fromLogits: false });
    expect(paths).toEqual([[[1, 2, 1]], [[1, 2]]]);
    expect(logProbabilities[0]?.[0]).toBeCloseTo(8 * Math.log(0.8), 4);
    expect(logProbabilities[1]?.[0]).toBeCloseTo(5 * Math.log(0.8), 4);
    const single = logOf(frames);
    const other = await ctcGreedyDecode(single, { blank: 2 }); // blank last, as TensorFlow's convention
    expect(other.paths).toEqual([[[1, 0, 0, 1]]]); // 1 1 0 2 2 0 0 1: the blank 2 separates the two 0s
    tf.dispose([logProbs, single]);
  });

  test('beam search finds the most likely labelling where greedy does not (the classic example)', async () => {
    // Two frames, p(blank) = 0.6, p(a) = 0.4: greedy says "" (0.36), but "a" has 0.4*0.4 + 2*0.4*0.6 = 0.64.
    const logProbs = logOf([
      [0.6, 0.4],
      [0.6, 0.4],
    ]);
    expect((await ctcGreedyDecode(logProbs)).paths).toEqual([[[]]]);
    const beam = await ctcBeamSearchDecode(logProbs, { beamWidth: 4, topPaths: 2 });
    expect(beam.paths[0]).toEqual([[1], []]);
    expect(beam.logProbabilities[0]?.[0]).toBeCloseTo(Math.log(0.64), 5);
    expect(beam.logProbabilities[0]?.[1]).toBeCloseTo(Math.log(0.36), 5);
    logProbs.dispose();
  });

  test('a wide beam gives the exact most likely labelling and its probability (exhaustive check)', async () => {
    for (const seed of [1, 2, 3]) {
      const frames = randomFrames(seed, 5, 3);
      const totals = exhaustive(frames, 0);
      const [bestKey, bestP] = [...totals.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number];
      const logProbs = logOf(frames);
      const beam = await ctcBeamSearchDecode(logProbs, { beamWidth: 64, topPaths: 3 });
      expect(beam.paths[0]?.[0]?.join(',')).toBe(bestKey);
      expect(beam.logProbabilities[0]?.[0]).toBeCloseTo(Math.log(bestP), 4);
      for (const [k, labels] of (beam.paths[0] ?? []).entries()) {
        expect(beam.logProbabilities[0]?.[k]).toBeCloseTo(Math.log(totals.get(labels.join(',')) as number), 4);
      }
      logProbs.dispose();
    }
  });

  const fixtureCase =
    'decodes the PyTorch CTC fixture frames ([T, N, C] transposed to [N, T, C]) with logits or log-probabilities alike';
  test(fixtureCase, async () => {
    const fixture = loadTorchFixture('recurrent', 'ctc');
    const logProbs = tf.transpose(fixture.tensor('logProbs_TNC'), [1, 0, 2]);
    const lengths = fixture.get('inputLengths') as number[];
    const fromLogProbs = await ctcBeamSearchDecode(logProbs, {
      inputLengths: lengths,
      beamWidth: 8,
      fromLogits: false,
    });
    const shifted = tf.add(logProbs, 3); // logits: log-softmax removes the shift
    const fromLogits = await ctcBeamSearchDecode(shifted, { inputLengths: lengths, beamWidth: 8 });
    expect(fromLogits.paths).toEqual(fromLogProbs.paths);
    const greedy = await ctcGreedyDecode(logProbs, { inputLengths: lengths, fromLogits: false });
    for (let b = 0; b < 2; b++) {
      // The beam's labelling is at least as likely as the greedy path alone.
      expect(fromLogProbs.logProbabilities[b]?.[0] as number).toBeGreaterThanOrEqual(
        (greedy.logProbabilities[b]?.[0] as number) - 1e-5,
      );
      expect(fromLogProbs.paths[b]?.[0]?.every((c) => c !== 0)).toBe(true);
    }
    tf.dispose([logProbs, shifted]);
  });

  test('rejects bad input and leaks nothing', async () => {
    const logProbs = tf.zeros([2, 4, 3]);
    const flat = tf.zeros([4, 3]);
    await expect(ctcGreedyDecode(flat)).rejects.toThrow(
      /ctcGreedyDecode: expected logits of rank 3, got rank 2 \(shape \[4,3\]\)/,
    );
    await expect(ctcGreedyDecode(logProbs, { blank: 3 })).rejects.toThrow(
      /ctcGreedyDecode: expected blank in \[0, 2\], got 3/,
    );
    await expect(ctcGreedyDecode(logProbs, { inputLengths: [4] })).rejects.toThrow(
      /ctcGreedyDecode: expected inputLengths of length 2 \(one per sequence, N of logits \[2,4,3\]/,
    );
    await expect(ctcBeamSearchDecode(logProbs, { inputLengths: [4, 5] })).rejects.toThrow(
      'ctcBeamSearchDecode: expected inputLengths[1] to be an integer in [0, 4] (T of logits [2,4,3] read as ' +
        '[N, T, C] with timeMajor: false), got 5',
    );
    await expect(ctcBeamSearchDecode(logProbs, { beamWidth: 0 })).rejects.toThrow(
      /ctcBeamSearchDecode: expected beamWidth to be a positive integer, got 0/,
    );
    await expect(ctcBeamSearchDecode(logProbs, { beamWidth: 2, topPaths: 3 })).rejects.toThrow(
      /ctcBeamSearchDecode: expected topPaths <= beamWidth \(2\), got 3/,
    );
    await expectNoLeakedTensors(async () => {
      await ctcBeamSearchDecode(logProbs, { fromLogits: true, topPaths: 2 });
      await ctcGreedyDecode(logProbs, { fromLogits: true });
    });
    tf.dispose([logProbs, flat]);
  });
});
