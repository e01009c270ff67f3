import { ArgumentError, ShapeError } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { AttentionDecoder, type AttentionDecoderState } from './attention-decoder.js';
import type { AttentionScore } from './attention-score.js';
import { beamSearch } from './beam-search.js';

const disposeState = (state: AttentionDecoderState) =>
  tf.dispose([state.hidden, state.cell, state.context, state.keys, state.memoryMask]);

// B 2, S 3 (row 1 has its last position padded), D 4, V 7, T 3.
const memoryValues = [
  [
    [0.5, -0.2, 0.1, 0.9],
    [-0.7, 0.3, 0.8, -0.1],
    [0.2, 0.6, -0.5, 0.4],
  ],
  [
    [-0.3, 0.8, 0.4, -0.6],
    [0.9, -0.4, -0.2, 0.3],
    [5, 5, 5, 5],
  ],
];
const maskValues = [
  [1, 1, 1],
  [1, 1, 0],
];
const targets = [
  [1, 4, 5],
  [1, 6, 3],
];

describeEachBackend('AttentionDecoder', () => {
  for (const score of ['dot', 'general', 'additive'] as AttentionScore[]) {
    test(`${score}: teacher forcing equals stepping one token at a time; padding gets weight 0`, async () => {
      const decoder = new AttentionDecoder({
        vocabularySize: 7,
        memorySize: 4,
        hiddenSize: 4,
        embeddingSize: 3,
        score,
        seed: 3,
      });
      const memory = tf.tensor3d(memoryValues);
      const memoryMask = tf.tensor2d(maskValues);
      const ids = tf.tensor2d(targets, [2, 3], 'int32');
      try {
        await expectNoLeakedTensors(async () => {
          const start = decoder.start(memory, { memoryMask });
          const forced = decoder.teacherForce(ids, start);
          let state = start;
          const logits: tf.Tensor[] = [];
          const weights: tf.Tensor[] = [];
          for (let t = 0; t < 3; t++) {
            const tokens = tf.tensor1d(
              targets.map((row) => row[t] as number),
              'int32',
            );
            const out = decoder.step(tokens, state);
            if (state !== start) tf.dispose([state.hidden, state.cell, state.context]);
            logits.push(out.logits);
            weights.push(out.weights);
            state = out.state;
            tokens.dispose();
          }
          const stepped = tf.stack(logits, 1);
          const steppedWeights = tf.stack(weights, 1);
          await expectTensorsClose(forced.logits, stepped, { atol: 1e-5 });
          await expectTensorsClose(forced.weights, steppedWeights, { atol: 1e-6 });
          const boolMask = tf.cast(memoryMask, 'bool');
          const applied = decoder.apply([ids, memory], { mask: [undefined, boolMask] });
          await expectTensorsClose(applied, forced.logits, { atol: 1e-6 });
          tf.dispose([boolMask, applied]);
          const w = (await forced.weights.array()) as number[][][];
          for (const row of w[1] as number[][]) expect(row[2]).toBe(0);
          for (const row of w[0] as number[][]) expect(row[2]).toBeGreaterThan(0);
          for (const row of [...(w[0] as number[][]), ...(w[1] as number[][])])
            expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
          tf.dispose([stepped, steppedWeights, forced.logits, forced.weights, ...logits, ...weights]);
          tf.dispose([state.hidden, state.cell, state.context]);
          disposeState(start);
        });
      } finally {
        tf.dispose([memory, memoryMask, ids]);
        decoder.dispose();
      }
    });
  }

  test("dot: the first step's weights equal softmax(h . m) computed by hand, padding excluded", async () => {
    const decoder = new AttentionDecoder({
      vocabularySize: 7,
      memorySize: 4,
      hiddenSize: 4,
      embeddingSize: 3,
      score: 'dot',
      seed: 5,
    });
    const memory = tf.tensor3d(memoryValues);
    const memoryMask = tf.tensor2d(maskValues);
    const tokens = tf.tensor1d([1, 1], 'int32');
    const start = decoder.start(memory, { memoryMask });
    const out = decoder.step(tokens, start);
    // The LSTM input at step 0 is [embedding(<bos>); zero context].
    const embedded = tf.tidy(() => tf.reshape(decoder.embedding.apply(tokens), [2, 3]));
    const x = tf.concat([embedded, tf.zeros([2, 4])], 1) as tf.Tensor2D;
    const { hidden, cell } = decoder.cell.step(x, decoder.cell.zeroState(2));
    const h = (await hidden.array()) as number[][];
    const expected = memoryValues.map((rows, b) => {
      const real = rows.filter((_, s) => maskValues[b]?.[s] === 1);
      const scores = real.map((m) => m.reduce((sum, v, d) => sum + v * (h[b]?.[d] as number), 0));
      const top = Math.max(...scores);
      const exps = scores.map((s) => Math.exp(s - top));
      const total = exps.reduce((a, b2) => a + b2, 0);
      return [0, 1, 2].map((s) => (s < real.length ? (exps[s] as number) / total : 0));
    });
    await expectTensorsClose(out.weights, tf.tensor2d(expected), { atol: 1e-5 });
    // The padded position's content does not matter.
    const changed = tf.tensor3d(
      memoryValues.map((rows, b) => rows.map((m, s) => (maskValues[b]?.[s] ? m : [-9, 2, 7, 1]))),
    );
    const again = decoder.start(changed, { memoryMask });
    const out2 = decoder.step(tokens, again);
    await expectTensorsClose(out2.logits, out.logits, { atol: 1e-6 });
    tf.dispose([
      memory,
      memoryMask,
      tokens,
      embedded,
      x,
      hidden,
      cell,
      changed,
      out.logits,
      out.weights,
      out2.logits,
      out2.weights,
    ]);
    tf.dispose([
      out.state.hidden,
      out.state.cell,
      out.state.context,
      out2.state.hidden,
      out2.state.cell,
      out2.state.context,
    ]);
    disposeState(start);
    disposeState(again);
    decoder.dispose();
  });

  test('beamSearch over the decoder: batch rows are searched independently; no leaks per decode', async () => {
    const decoder = new AttentionDecoder({
      vocabularySize: 7,
      memorySize: 4,
      hiddenSize: 6,
      embeddingSize: 3,
      score: 'additive',
      seed: 2,
    });
    const memory = tf.tensor3d(memoryValues);
    const memoryMask = tf.tensor2d(maskValues);
    const options = { beamWidth: 3, maxLength: 4 };
    const decode = async (m: tf.Tensor, mask: tf.Tensor) => {
      const start = decoder.start(m, { memoryMask: mask });
      try {
        return await beamSearch((t, s) => decoder.step(t, s), start, options);
      } finally {
        disposeState(start);
      }
    };
    const both = await expectNoLeakedTensors(() => decode(memory, memoryMask));
    for (const b of [0, 1]) {
      const m = tf.slice(memory, [b, 0, 0], [1, 3, 4]);
      const mask = tf.slice(memoryMask, [b, 0], [1, 3]);
      const one = await decode(m, mask);
      expect(one.ids[0]).toEqual(both.ids[b]);
      expect(one.scores[0]).toBeCloseTo(both.scores[b] as number, 4);
      tf.dispose([m, mask]);
    }
    expect(both.weights[1]?.every((row) => row[2] === 0)).toBe(true);
    tf.dispose([memory, memoryMask]);
    decoder.dispose();
  });

  test('refuses bad options and inputs by name, leaking nothing', () => {
    expect(() => new AttentionDecoder({ vocabularySize: 0, memorySize: 4 })).toThrow(
      /AttentionDecoder: expected vocabularySize/,
    );
    expect(() => new AttentionDecoder({ vocabularySize: 5, memorySize: 4, score: 'cosine' as never })).toThrow(/score/);
    expect(() => new AttentionDecoder({ vocabularySize: 5, memorySize: 4, hiddenSize: 8, score: 'dot' })).toThrow(
      /expected hiddenSize = memorySize for score 'dot', got hiddenSize 8 and memorySize 4/,
    );
    expect(() => new AttentionDecoder({ vocabularySize: 5, memorySize: 4, units: 3 } as never)).toThrow(
      /unknown key 'units'/,
    );
    const decoder = new AttentionDecoder({ vocabularySize: 5, memorySize: 4, hiddenSize: 4 });
    const memory = tf.zeros([2, 3, 4]);
    const state = decoder.start(memory);
    const bad = {
      wide: tf.zeros([2, 3, 5]),
      mask: tf.ones([2, 2]),
      empty: tf.zeros([2, 0, 4]),
      floatTokens: tf.tensor1d([1, 2]),
      noSteps: tf.zeros([2, 0], 'int32'),
      rows: tf.zeros([3, 2], 'int32'),
    };
    const before = tf.memory().numTensors;
    expect(() => decoder.start(bad.wide)).toThrow(ShapeError);
    expect(() => decoder.start(memory, { memoryMask: bad.mask })).toThrow(
      /AttentionDecoder.start: expected options.memoryMask of shape \[2,3\]/,
    );
    expect(() => decoder.start(bad.empty)).toThrow(/AttentionDecoder.start: expected a memory with at least one/);
    expect(() => decoder.step(bad.floatTokens, state)).toThrow(/AttentionDecoder.step: expected tokens of dtype int32/);
    expect(() => decoder.teacherForce(bad.noSteps, state)).toThrow(ArgumentError);
    expect(() => decoder.teacherForce(bad.rows, state)).toThrow(/expected targetIds of shape \[2,\*\]/);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(Object.values(bad));
    disposeState(state);
    memory.dispose();
    decoder.dispose();
  });
});
