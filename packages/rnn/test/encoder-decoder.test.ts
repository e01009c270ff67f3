// The proof for sequence graphs: an encoder-decoder (Embedding + LSTM encoder, an LSTM
// decoder attending to the encoder's steps through the padding mask) built with input()/Model,
// trained by fit on named inputs, saved, loaded and decoded greedily with the same tokens, on cpu,
// wasm and webgpu. Synthetic task: output the source digits reversed (sources right-padded with 0).
import * as tf from '@tensorflow/tfjs-core';
import { Adam, Attention, Concatenate, Dense, Embedding, Model, fit, input, loadModel, saveModel } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { softmaxCrossEntropy } from '@baihua/losses';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { LSTM } from '../src/index.js';

const vocabulary = 8; // 0 padding, 1 start, 2..7 digits
const start = 1;
const sourceLength = 6; // 4 digits, then 2 padding steps
const digits = 4;

/**
 * Seeded examples: sources [n, 6] (4 digits, 2 zeros), decoder inputs [n, 4] (start, then the first three
 * answer digits: teacher forcing), targets [n, 4] (the digits reversed).
 */
function examples(n: number, seed: number): { source: number[][]; decoderIn: number[][]; target: number[][] } {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 2 + ((state >>> 16) % (vocabulary - 2)); // the high bits: an LCG's low bits repeat quickly
  };
  const source: number[][] = [];
  const decoderIn: number[][] = [];
  const target: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: digits }, next);
    const reversed = [...row].reverse();
    source.push([...row, 0, 0]);
    target.push(reversed);
    decoderIn.push([start, ...reversed.slice(0, digits - 1)]);
  }
  return { source, decoderIn, target };
}

function translator(): Model {
  const source = input({ shape: [sourceLength], dtype: 'int32', name: 'source' });
  const decoderIn = input({ shape: [null], dtype: 'int32', name: 'decoder_in' }); // free length: decode step by step
  const encoded = new LSTM({ units: 24, returnSequences: true, seed: 2 }).apply(
    new Embedding({ inputDim: vocabulary, outputDim: 8, maskZero: true, seed: 1 }).apply(source),
  );
  const decoded = new LSTM({ units: 24, returnSequences: true, seed: 4 }).apply(
    new Embedding({ inputDim: vocabulary, outputDim: 8, seed: 3 }).apply(decoderIn),
  );
  const context = new Attention().apply([decoded, encoded]); // the encoder's padding mask hides its pad steps
  const logits = new Dense({ units: vocabulary, seed: 5 }).apply(new Concatenate().apply([decoded, context]));
  return new Model({ inputs: [source, decoderIn], outputs: logits, name: 'translator' });
}

/** Mean cross-entropy over every (row, step): labels [b, t] int32, logits [b, t, vocabulary]. */
function sequenceLoss(labels: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  return softmaxCrossEntropy(tf.reshape(labels, [-1]) as tf.Tensor1D, tf.reshape(logits, [-1, vocabulary]));
}

/** Greedy decoding: feed the start token, append the most likely next token, four times. */
async function decode(model: Model, sources: number[][]): Promise<number[][]> {
  const source = tf.tensor2d(sources, undefined, 'int32');
  let tokens = sources.map(() => [start]);
  for (let step = 0; step < digits; step++) {
    const so_far = tf.tensor2d(tokens, undefined, 'int32');
    const logits = model.apply([source, so_far]);
    const last = tf.argMax(tf.slice(logits, [0, step, 0], [-1, 1, -1]), -1);
    const chosen = (await last.array()) as number[][];
    tf.dispose([so_far, logits, last]);
    tokens = tokens.map((row, i) => [...row, chosen[i]?.[0] as number]);
  }
  source.dispose();
  return tokens.map((row) => row.slice(1));
}

const directory = mkdtempSync(join(tmpdir(), 'baihua-translator-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const historyByBackend = new Map<string, number[]>();

describeEachBackend('encoder-decoder with attention (graph Model)', () => {
  test('trains on named inputs, saves, loads, and decodes the same tokens', { timeout: 240_000 }, async () => {
    const train = examples(192, 7);
    const x = {
      source: tf.tensor2d(train.source, undefined, 'int32'),
      decoder_in: tf.tensor2d(train.decoderIn, undefined, 'int32'),
    };
    const y = tf.tensor2d(train.target, undefined, 'int32');
    const model = translator();
    const optimizer = new Adam({ learningRate: 0.03 });
    // WebGPU on SwiftShader (a CPU emulation) runs each recurrent step as many tiny dispatches (~50x slower
    // than wasm here): it trains two epochs, compared with cpu's first two; cpu and wasm learn the task.
    const emulated = tf.getBackend() === 'webgpu';
    const epochs = emulated ? 2 : 20;
    const history = await fit(
      model,
      { x, y },
      { loss: sequenceLoss, optimizer, epochs, batchSize: 64, progress: 'none' },
    );
    const losses = history.get('loss');
    expect(losses.at(-1)).toBeLessThan(emulated ? (losses[0] as number) : 0.2);
    historyByBackend.set(tf.getBackend(), losses);
    // Every backend trains the same seeded model the same way, up to float rounding.
    const cpu = historyByBackend.get('cpu');
    if (cpu && tf.getBackend() !== 'cpu')
      losses.forEach((l, i) => expect(Math.abs(l - (cpu[i] as number))).toBeLessThan(2e-2));

    const test = examples(16, 99).source;
    const before = await decode(model, test);
    // It learned the task: unseen sources come back reversed (the padding never leaks into the answer).
    const right = before.filter((row, i) => row.join() === (test[i] as number[]).slice(0, digits).reverse().join());
    if (!emulated) expect(right.length).toBeGreaterThanOrEqual(14);
    const where = join(directory, tf.getBackend());
    await saveModel(model, where);
    const loaded = (await loadModel(where)) as Model;
    expect(loaded.inputNames).toEqual(['source', 'decoder_in']);
    expect(await decode(loaded, test)).toEqual(before);
    // Same outputs bit for bit, not only the same argmax.
    const probe = [
      tf.tensor2d(test, undefined, 'int32'),
      tf.tensor2d(
        test.map(() => [start, 3, 4]),
        undefined,
        'int32',
      ),
    ];
    const [a, b] = [model.apply(probe), loaded.apply(probe)];
    expect(await b.data()).toEqual(await a.data());
    tf.dispose([x.source, x.decoder_in, y, a, b, ...probe]);
    optimizer.dispose();
    model.dispose();
    loaded.dispose();
  });
});
