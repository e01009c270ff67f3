import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { Dense, Sequential } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { evaluate } from './evaluate.js';
import { fit } from './fit.js';

const meanSquared: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));
const crossEntropy: LossFunction = (labels, logits) =>
  tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(labels, 'int32') as tf.Tensor1D, logits.shape[1] as number), logits);
crossEntropy.accuracyKind = 'categorical';

function regression() {
  const x = tf.tensor2d([0, 1, 1, 0, 0.5, 0.5, 1, 1], [4, 2]);
  const y = tf.tensor2d([1, 1, 0.5, 2], [4, 1]);
  const model = new Dense({ units: 1, seed: 1 });
  const dispose = () => {
    tf.dispose([x, y]);
    model.dispose();
  };
  return { x, y, model, dispose };
}

function classifier(labels: number[], rows = labels.length) {
  const x = tf.tidy(() => tf.div(tf.reshape(tf.range(0, rows * 2), [rows, 2]), rows * 2));
  const y = tf.tensor1d(labels, 'int32');
  const model = new Sequential({
    seed: 2,
    layers: [new Dense({ units: 4, activation: tf.relu }), new Dense({ units: 3 })],
  });
  const dispose = () => {
    tf.dispose([x, y]);
    model.dispose();
  };
  return { x, y, model, dispose };
}

async function printed(run: (write: (text: string) => void) => Promise<unknown>): Promise<string> {
  const out: string[] = [];
  await run((text) => void out.push(text));
  return out.join('');
}

describe('fit checks and reports (cpu)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test('a regression fit reports no accuracy; a classification loss or metrics: [accuracy] does', async () => {
    const r = regression();
    const text = await printed((write) => fit(r.model, r, { loss: meanSquared, epochs: 2, progress: 'lines', write }));
    expect(text).toMatch(/^epoch 1\/2 {2}loss \d+\.\d{4} {2}lr 1\.00e-3/);
    expect(text).not.toMatch(/accuracy/);
    const history = await fit(r.model, r, { loss: meanSquared, validationData: r, progress: 'none' });
    expect(Object.keys(history.metrics).sort()).toEqual(['learningRate', 'loss', 'seconds', 'valLoss']);
    expect(await evaluate(r.model, r, { loss: meanSquared })).not.toHaveProperty('accuracy');
    r.dispose();
    const c = classifier([0, 1, 2, 1]);
    const logs = await fit(c.model, c, { loss: crossEntropy, validationData: c, progress: 'none' });
    expect(logs.get('accuracy')).toHaveLength(1);
    expect(logs.get('valAccuracy')).toHaveLength(1);
    const silent = await fit(c.model, c, { loss: crossEntropy, metrics: [], progress: 'none' });
    expect(silent.get('accuracy')).toEqual([]);
    const plain: LossFunction = (labels, logits) => crossEntropy(labels, logits);
    const asked = await fit(c.model, c, { loss: plain, metrics: ['accuracy'], progress: 'none' });
    expect(asked.get('accuracy')).toHaveLength(1);
    expect(await evaluate(c.model, c, { loss: plain })).not.toHaveProperty('accuracy');
    await expect(fit(c.model, c, { loss: plain, metrics: ['acc' as never] })).rejects.toThrow(
      /fit: expected metrics\[0\] to be one of 'accuracy', got "acc"/,
    );
    c.dispose();
  });

  test('one NaN row stops fit, naming epoch and batch; the weights stay as they were', async () => {
    const c = classifier([0, 1, 2, 1, 0, 2]);
    const x = tf.tidy(() => tf.concat([tf.slice(c.x, 0, 3), tf.tensor2d([[Number.NaN, 0]]), tf.slice(c.x, 4, 2)]));
    c.model.ensureBuilt([1, 2]);
    const before = await Promise.all(c.model.getWeights().map(async (w) => Array.from(await w.data())));
    // Row 3 (NaN) lands in batch 2 of 3 without shuffling: batches hold rows 0-1, 2-3, 4-5.
    const options = { loss: crossEntropy, batchSize: 2, shuffle: false, epochs: 3, progress: 'none' } as const;
    await expect(fit(c.model, { x, y: c.y }, options)).rejects.toThrow(
      /^fit: expected a finite loss and finite gradients, got loss NaN at epoch 1, batch 2 of 3 \(1-based\); the/,
    );
    const after = await Promise.all(c.model.getWeights().map(async (w) => Array.from(await w.data())));
    // Batch 1 was applied, so only its update differs from `before`: compare against NaN instead.
    expect(after.flat().every(Number.isFinite)).toBe(true);
    expect(after).not.toEqual(before);
    const history = await fit(c.model, { x, y: c.y }, { ...options, stopOnNonFinite: false });
    expect(history.get('loss').every(Number.isNaN)).toBe(true);
    tf.dispose(x);
    c.dispose();
  });

  test('an exploding learning rate is stopped where the loss or a gradient stops being finite', async () => {
    const c = classifier([0, 1, 2, 1, 0, 2, 1, 0]);
    const error = await fit(c.model, c, {
      loss: crossEntropy,
      optimizer: new Sgd({ learningRate: 1 }),
      learningRate: ({ step }) => 10 ** (8 * step),
      batchSize: 2,
      epochs: 5,
      progress: 'none',
    }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^fit: expected a finite loss and finite gradients, got (loss \S+|a non-finite gradient .*) at epoch \d+, batch/,
    );
    c.dispose();
  });

  test('learning-rate schedule values are checked every time they are read', async () => {
    const c = classifier([0, 1, 2, 1]);
    const fails = (rate: number) =>
      fit(c.model, c, {
        loss: crossEntropy,
        batchSize: 2,
        epochs: 2,
        learningRate: ({ step }) => (step < 3 ? 0.01 : rate),
        progress: 'none',
      });
    for (const bad of [Number.NaN, 0, -0.1, Number.POSITIVE_INFINITY])
      await expect(fails(bad)).rejects.toThrow(
        `fit: expected the learningRate schedule to return a finite number > 0, got ${bad} at epoch 2, step 4`,
      );
    const sgd = new Sgd();
    expect(() => {
      sgd.learningRate = Number.NaN;
    }).toThrow(/Sgd: expected learningRate to be a finite number, got NaN/);
    c.dispose();
  });

  test('class indices outside [0, K) are refused once per dataset, naming the first bad row', async () => {
    const c = classifier([0, 1, 7, 1, 9]);
    await expect(fit(c.model, c, { loss: crossEntropy, progress: 'none' })).rejects.toThrow(
      "fit: expected data.y class indices in [0, 3) (the model's output width), got 7 at row 2",
    );
    const good = classifier([0, 1, 2, 1, 0]);
    await expect(fit(good.model, good, { loss: crossEntropy, validationData: c, progress: 'none' })).rejects.toThrow(
      "fit: expected validationData.y class indices in [0, 3) (the model's output width), got 7 at row 2",
    );
    const negative = tf.tensor1d([0, -1, 2, 1, 0], 'int32');
    const plain: LossFunction = (labels, logits) => crossEntropy(labels, logits);
    await expect(fit(good.model, { x: good.x, y: negative }, { loss: plain, progress: 'none' })).rejects.toThrow(
      /got -1 at row 1/,
    );
    tf.dispose(negative);
    c.dispose();
    good.dispose();
    // Sequence labels [N, T] for outputs [N, T, K]: the row and the position in it.
    const x = tf.ones([3, 2, 4]);
    const y = tf.tensor2d([0, 1, 2, 2, 1, 3], [3, 2], 'int32');
    const perStep = new Dense({ units: 3 });
    await expect(fit(perStep, { x, y }, { loss: plain, progress: 'none' })).rejects.toThrow(
      "fit: expected data.y class indices in [0, 3) (the model's output width), got 3 at row 2, position 1",
    );
    tf.dispose([x, y]);
    perStep.dispose();
  });

  test('a model applied before is not run once more to learn its output width (one pass per batch)', async () => {
    const c = classifier([0, 1, 2, 1]);
    const apply = vi.spyOn(c.model, 'applyMulti');
    try {
      await fit(c.model, c, { loss: crossEntropy, batchSize: 4, progress: 'none' });
      expect(apply).toHaveBeenCalledTimes(2); // the first fit: one probe on one row, one training batch
      apply.mockClear();
      await fit(c.model, c, { loss: crossEntropy, batchSize: 4, progress: 'none' });
      expect(apply).toHaveBeenCalledTimes(1);
    } finally {
      apply.mockRestore();
      c.dispose();
    }
  });
});
