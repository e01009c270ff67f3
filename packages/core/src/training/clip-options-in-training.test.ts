// fit's and trainStep's clipNorm and clipValue around their limits, on every backend, with a model of
// ten weights (more than webgpu's AddN could sum): far above the gradient the step is exactly the
// unclipped one; below the gradient's norm the whole step is scaled to clipNorm, direction kept.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Sequential } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { fit } from './fit.js';
import { trainStep } from './train-step.js';

const crossEntropy: LossFunction = (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;

/** Five Dense layers: ten weights, each with a gradient. */
const deepModel = () =>
  new Sequential({
    seed: 21,
    layers: [4, 5, 4, 3, 2].map((units) => new Dense({ units, activation: 'tanh', biasInitializer: 'ones' })),
  });

function data() {
  const x = tf.tensor2d([0.5, -1, 2, 1, 0.25, -0.5, 0, 1, 1, -2, 0.5, 0.5], [4, 3]);
  const y = tf.tensor2d([1, 0, 0, 1, 1, 0, 0, 1], [4, 2]);
  return { x, y };
}

type StepOptions = { clipNorm?: number; clipValue?: number };

/** The weights after one SGD step (lr 1) taken by fit or trainStep with `options`. */
async function weightsAfterOneStep(how: 'fit' | 'trainStep', options: StepOptions): Promise<number[][]> {
  const model = deepModel();
  const { x, y } = data();
  const optimizer = new Sgd({ learningRate: 1 });
  try {
    if (how === 'fit')
      await fit(
        model,
        { x, y },
        { loss: crossEntropy, optimizer, batchSize: 4, shuffle: false, progress: 'none', ...options },
      );
    else await trainStep(model, { x, y }, { loss: crossEntropy, optimizer, ...options });
    expect(model.weights()).toHaveLength(10);
    return await Promise.all(model.weights().map(async (w) => Array.from(await w.read().data())));
  } finally {
    tf.dispose([x, y]);
    model.dispose();
    optimizer.dispose();
  }
}

async function initialWeights(): Promise<number[][]> {
  const model = deepModel();
  model.ensureBuilt([4, 3]);
  const values = await Promise.all(model.weights().map(async (w) => Array.from(await w.read().data())));
  model.dispose();
  return values;
}

const minus = (a: number[][], b: number[][]) =>
  a.map((row, i) => row.map((v, k) => v - ((b[i] as number[])[k] as number)));
const normOf = (a: number[][]) => Math.sqrt(a.flat().reduce((sum, v) => sum + v * v, 0));

describeEachBackend('clipNorm and clipValue in fit and trainStep', () => {
  for (const how of ['fit', 'trainStep'] as const) {
    test(`${how}: a limit far above the gradient gives exactly the unclipped step`, async () => {
      const plain = await weightsAfterOneStep(how, {});
      expect(await weightsAfterOneStep(how, { clipNorm: 1e6 })).toEqual(plain);
      expect(await weightsAfterOneStep(how, { clipValue: 1e6 })).toEqual(plain);
      expect(await weightsAfterOneStep(how, { clipNorm: 1e6, clipValue: 1e6 })).toEqual(plain);
    });

    test(`${how}: clipNorm below the gradient's norm scales the whole step to clipNorm, direction kept`, async () => {
      const initial = await initialWeights();
      const plainStep = minus(initial, await weightsAfterOneStep(how, {})); // lr 1: the raw gradient
      const rawNorm = normOf(plainStep);
      expect(rawNorm).toBeGreaterThan(0.1);
      const clipNorm = rawNorm / 4;
      const clippedStep = minus(initial, await weightsAfterOneStep(how, { clipNorm }));
      expect(normOf(clippedStep)).toBeCloseTo(clipNorm, 4);
      clippedStep.forEach((row, i) =>
        row.forEach((v, k) => expect(v).toBeCloseTo(((plainStep[i] as number[])[k] as number) / 4, 4)),
      );
    });
  }

  test('clipNorm at the raw gradient norm: the unclipped step, up to rounding of the norm', async () => {
    const initial = await initialWeights();
    const plain = await weightsAfterOneStep('trainStep', {});
    const rawNorm = normOf(minus(initial, plain));
    const atLimit = await weightsAfterOneStep('trainStep', { clipNorm: rawNorm });
    atLimit.forEach((row, i) => row.forEach((v, k) => expect(v).toBeCloseTo((plain[i] as number[])[k] as number, 6)));
  });
});
