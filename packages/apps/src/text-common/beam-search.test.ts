import { ArgumentError } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { type BeamSearchOptions, beamSearch } from './beam-search.js';

// A hand-made Markov "model": the next token's probabilities depend only on the previous token.
// Ids: 0 <pad>, 1 <bos>, 2 <eos>, 3 A, 4 B, 5 C.
const tiny = 1e-6;
function table(rows: Record<number, Record<number, number>>): number[][] {
  return Array.from({ length: 6 }, (_, from) =>
    Array.from({ length: 6 }, (_, to) => Math.log(rows[from]?.[to] ?? tiny)),
  );
}
function markov(logits: number[][]) {
  const step = (tokens: tf.Tensor1D, state: { marker: tf.Tensor }) => ({
    logits: tf.tidy(() => tf.gather(tf.tensor2d(logits), tokens)),
    weights: tf.tidy(() => tf.cast(tf.oneHot(tokens, 6), 'float32')),
    state: { marker: tf.add(state.marker, 1) },
  });
  return step;
}
async function search(logits: number[][], options: BeamSearchOptions, rows = 1) {
  const marker = tf.zeros([rows, 1]);
  try {
    return await beamSearch(markov(logits), { marker }, options);
  } finally {
    marker.dispose();
  }
}

// Greedy reaches A <eos> (0.55 * 0.5 = 0.275); the best sequence is B <eos> (0.4 * 0.9 = 0.36).
const greedyTrap = table({
  1: { 3: 0.55, 4: 0.4, 2: 0.05 },
  3: { 2: 0.5, 3: 0.25, 4: 0.25 },
  4: { 2: 0.9, 3: 0.05, 4: 0.05 },
});
// "A" <eos>: P 0.3, n 2; "B C" <eos>: P 0.275, n 3. Plain: A wins; GNMT alpha 2: -1.291/1.778 > -1.204/1.361, B C wins.
const lengthCase = table({
  1: { 3: 0.5, 4: 0.5 },
  3: { 2: 0.6, 5: 0.4 },
  4: { 5: 0.55, 2: 0.45 },
  5: { 2: 1 },
});

describeEachBackend('beamSearch', () => {
  test('finds the best sequence where greedy does not; beamWidth 1 is greedy', async () => {
    const beam = await expectNoLeakedTensors(() => search(greedyTrap, { beamWidth: 2, maxLength: 5 }));
    expect(beam.ids).toEqual([[4]]);
    expect(beam.logProbabilities[0]).toBeCloseTo(Math.log(0.36), 4);
    expect(beam.finished).toEqual([true]);
    // The per-step weights of the winner: the one-hot of the token fed at each step (<bos>, then B).
    expect(beam.weights[0]?.map((row) => row.indexOf(1))).toEqual([1, 4]);
    const greedy = await search(greedyTrap, { beamWidth: 1, maxLength: 5 });
    expect(greedy.ids).toEqual([[3]]);
    expect(greedy.logProbabilities[0]).toBeCloseTo(Math.log(0.275), 4);
  });

  test('the length penalty changes the pick (alpha 0: A; alpha 2: B C)', async () => {
    const plain = await search(lengthCase, { beamWidth: 3, maxLength: 6 });
    expect(plain.ids).toEqual([[3]]);
    expect(plain.scores[0]).toBeCloseTo(Math.log(0.3), 4);
    const penalised = await search(lengthCase, { beamWidth: 3, maxLength: 6, lengthPenalty: 2 });
    expect(penalised.ids).toEqual([[4, 5]]);
    expect(penalised.scores[0]).toBeCloseTo(Math.log(0.275) / (8 / 6) ** 2, 4);
    expect(penalised.logProbabilities[0]).toBeCloseTo(Math.log(0.275), 4);
  });

  test('weak hypotheses that end early do not stop the search while a likelier one is still live', async () => {
    // A C A C ... is likely (0.98 a step) and never ends; B <eos> (0.0495) and others end early. With K 3
    // three weak hypotheses finish by step 3; stopping at K finished would return B.
    const loop = table({
      1: { 3: 0.9, 4: 0.05, 5: 0.05 },
      3: { 5: 0.98, 2: 0.01, 4: 0.01 },
      4: { 2: 0.99 },
      5: { 3: 0.98, 2: 0.02 },
    });
    const found = await search(loop, { beamWidth: 3, maxLength: 5 });
    expect(found.ids).toEqual([[3, 5, 3, 5, 3]]);
    expect(found.finished).toEqual([false]);
    expect(found.logProbabilities[0]).toBeCloseTo(Math.log(0.9 * 0.98 ** 4), 4);
  });

  test('eos: an immediate <eos> gives an empty sequence; maxLength cuts a sequence that never ends', async () => {
    const stop = await search(table({ 1: { 2: 0.9, 3: 0.1 } }), { beamWidth: 2, maxLength: 4 });
    expect(stop).toMatchObject({ ids: [[]], finished: [true] });
    const loop = table({ 1: { 3: 1 }, 3: { 3: 0.9, 2: 0.1 } });
    const cut = await search(loop, { beamWidth: 1, maxLength: 3 }, 2);
    expect(cut.ids).toEqual([
      [3, 3, 3],
      [3, 3, 3],
    ]);
    expect(cut.finished).toEqual([false, false]);
    expect(cut.weights[0]).toHaveLength(3);
  });
});

describe('beamSearch: greedy equivalence and bad input', () => {
  test('beamWidth 1 equals an independent greedy loop on random tables', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let trial = 0; trial < 5; trial++) {
      const logits = Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => 4 * random() - 2));
      const expected: number[] = [];
      let token = 1;
      for (let t = 0; t < 8; t++) {
        const row = logits[token] as number[];
        token = row.indexOf(Math.max(...row));
        if (token === 2) break;
        expected.push(token);
      }
      const { ids } = await search(logits, { beamWidth: 1, maxLength: 8 });
      expect(ids[0]).toEqual(expected);
    }
  });

  test('refuses bad options, a bad step and a bad state by name, leaking nothing', async () => {
    const marker = tf.zeros([1, 1]);
    const step = markov(greedyTrap);
    const cases: [BeamSearchOptions, RegExp][] = [
      [{ beamWidth: 0 }, /beamSearch: expected beamWidth/],
      [{ maxLength: 0 }, /beamSearch: expected maxLength/],
      [{ maxLength: 2.5 }, /beamSearch: expected maxLength/],
      [{ lengthPenalty: -1 }, /beamSearch: expected lengthPenalty/],
      [{ eosId: -1 }, /beamSearch: expected eosId to be a non-negative integer/],
      [{ eosId: 9 }, /beamSearch: expected logits over more than eosId = 9 tokens, got 6/],
      [{ beam: 2 } as never, /beamSearch: unknown key 'beam'/],
    ];
    const before = tf.memory().numTensors;
    for (const [options, pattern] of cases) {
      await expect(beamSearch(step, { marker }, options)).rejects.toThrow(pattern);
      await expect(beamSearch(step, { marker }, options)).rejects.toThrow(ArgumentError);
    }
    await expect(beamSearch('step' as never, { marker })).rejects.toThrow(/expected step to be a function/);
    await expect(beamSearch(step, {} as never)).rejects.toThrow(/expected initialState to be a non-empty record/);
    const failing = (tokens: tf.Tensor1D, state: { marker: tf.Tensor }) => {
      const out = step(tokens, state);
      if (out.state.marker.shape[0] > 0) tf.dispose([out.logits, out.weights, out.state.marker]);
      throw new Error('step broke');
    };
    await expect(beamSearch(failing, { marker }, { beamWidth: 2 })).rejects.toThrow('step broke');
    expect(tf.memory().numTensors).toBe(before);
    marker.dispose();
  });
});
