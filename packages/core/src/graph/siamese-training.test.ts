// The proof for shared layers: a siamese model (one tower applied to two inputs, a head on
// [a, b, a*b]) trained by fit on named inputs to tell whether two points come from the same
// cluster, saved, loaded and predicting the same floats, on cpu, wasm and webgpu. Synthetic data.
import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { Concatenate } from '../layers/concatenate.js';
import { Dense } from '../layers/dense.js';
import { Multiply } from '../layers/multiply.js';
import { Sequential } from '../layers/sequential.js';
import { Adam } from '../optimizers/adam.js';
import { createRandom } from '../random/seeded-random.js';
import { loadModel, saveModel } from '../serialization/node-files.js';
import { describeEachBackend } from '../testing.js';
import { fit } from '../training/fit.js';
import { input } from './input.js';
import { Model } from './model.js';

const features = 6;
const clusters = 4;

/** Pairs of noisy points around 4 seeded centres; label 1 when both come from the same centre (half the pairs). */
function pairs(n: number, seed: number): { left: number[][]; right: number[][]; same: number[][] } {
  const random = createRandom(seed);
  const centres = Array.from({ length: clusters }, (_, c) =>
    Array.from({ length: features }, (_, f) => 2 * Math.sin(1.9 * c * f + 1.3 * c + 0.7 * f)),
  );
  const point = (c: number) => (centres[c] as number[]).map((v) => v + 0.3 * random.normal());
  const left: number[][] = [];
  const right: number[][] = [];
  const same: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = Math.floor(random.next() * clusters);
    const b = i % 2 === 0 ? a : (a + 1 + Math.floor(random.next() * (clusters - 1))) % clusters;
    left.push(point(a));
    right.push(point(b));
    same.push([a === b ? 1 : 0]);
  }
  return { left, right, same };
}

function siamese(): Model {
  const left = input({ shape: [features], name: 'left' });
  const right = input({ shape: [features], name: 'right' });
  const tower = new Sequential({
    name: 'tower',
    layers: [new Dense({ units: 16, activation: 'relu', seed: 1 }), new Dense({ units: 8, seed: 2 })],
  });
  const a = tower.apply(left);
  const b = tower.apply(right);
  const joined = new Concatenate().apply([a, b, new Multiply().apply([a, b])]);
  return new Model({ inputs: [left, right], outputs: new Dense({ units: 1, seed: 3 }).apply(joined), name: 'siamese' });
}

/** Mean sigmoid cross-entropy of logits [n, 1] against 0/1 labels [n, 1]. */
function pairLoss(labels: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  return tf.losses.sigmoidCrossEntropy(labels, logits) as tf.Scalar;
}

async function accuracy(model: Model, data: ReturnType<typeof pairs>): Promise<number> {
  const [l, r] = [tf.tensor2d(data.left), tf.tensor2d(data.right)];
  const logits = model.apply([l, r]);
  const predicted = (await logits.data()) as Float32Array;
  tf.dispose([l, r, logits]);
  return data.same.filter((s, i) => (s[0] === 1) === (predicted[i] as number) > 0).length / data.same.length;
}

const directory = mkdtempSync(join(tmpdir(), 'baihua-siamese-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const lossesByBackend = new Map<string, number[]>();

describeEachBackend('siamese graph Model (a shared tower)', () => {
  test('trains on named inputs, saves, loads and predicts the same floats', { timeout: 120_000 }, async () => {
    const train = pairs(256, 5);
    const x = { left: tf.tensor2d(train.left), right: tf.tensor2d(train.right) };
    const y = tf.tensor2d(train.same);
    const model = siamese();
    expect(model.countParams()).toBe(6 * 16 + 16 + 16 * 8 + 8 + 24 + 1); // one tower's weights, not two
    const optimizer = new Adam({ learningRate: 0.02 });
    const history = await fit(
      model,
      { x, y },
      { loss: pairLoss, optimizer, epochs: 8, batchSize: 64, progress: 'none' },
    );
    const losses = history.get('loss');
    expect(losses.at(-1)).toBeLessThan(0.2);
    expect(await accuracy(model, pairs(64, 77))).toBeGreaterThanOrEqual(0.9);
    lossesByBackend.set(tf.getBackend(), losses);
    const cpu = lossesByBackend.get('cpu');
    if (cpu && tf.getBackend() !== 'cpu')
      losses.forEach((l, i) => expect(Math.abs(l - (cpu[i] as number))).toBeLessThan(2e-2));

    const where = join(directory, tf.getBackend());
    await saveModel(model, where);
    const loaded = (await loadModel(where)) as Model;
    expect(loaded.inputNames).toEqual(['left', 'right']);
    const probe = [tf.tensor2d(train.left.slice(0, 8)), tf.tensor2d(train.right.slice(0, 8))];
    const [before, after] = [model.apply(probe), loaded.apply(probe)];
    expect(await after.data()).toEqual(await before.data());
    tf.dispose([x.left, x.right, y, before, after, ...probe]);
    optimizer.dispose();
    model.dispose();
    loaded.dispose();
  });
});
