import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Sequential } from '../layers/index.js';
import { Adam, Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { fit } from './fit.js';
import { trainStep } from './train-step.js';

const crossEntropy: LossFunction = (labels, logits) =>
  tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(labels, 'int32') as tf.Tensor1D, 3), logits);
crossEntropy.accuracyKind = 'categorical';

const sumOfSquares = (tensors: tf.Tensor[]) =>
  tensors.reduce<tf.Tensor>((total, t) => tf.add(total, tf.sum(tf.square(t))), tf.scalar(0));

const model = () =>
  new Sequential({ seed: 5, layers: [new Dense({ units: 6, activation: tf.tanh }), new Dense({ units: 3 })] });

describeEachBackend('trainStep', () => {
  test('is the step fit takes: same weights after clipNorm, class weights and L2, with momentum', async () => {
    const x = tf.tensor2d([0.1, 0.9, 0.8, -0.3, -0.5, 0.4, 0.7, 0.7, -0.2, -0.9], [5, 2]);
    const y = tf.tensor1d([0, 2, 1, 2, 0], 'int32');
    const options = { loss: crossEntropy, clipNorm: 0.05, classWeights: { 2: 3, 0: 0.5 }, weightDecay: 0.1 };
    const [viaFit, viaStep] = [model(), model()];
    const [sgdFit, sgdStep] = [
      new Sgd({ learningRate: 0.5, momentum: 0.9 }),
      new Sgd({ learningRate: 0.5, momentum: 0.9 }),
    ];
    await fit(
      viaFit,
      { x, y },
      { ...options, optimizer: sgdFit, epochs: 3, batchSize: 5, shuffle: false, progress: 'none' },
    );
    const losses: number[] = [];
    for (let i = 0; i < 3; i++)
      losses.push((await trainStep(viaStep, { x, y }, { ...options, optimizer: sgdStep })).loss);
    const after = viaFit.getWeights();
    const [first] = viaStep.getWeights();
    const before = model();
    before.ensureBuilt([1, 2]);
    const [initial] = before.getWeights();
    // clipNorm 0.05 bites: each kernel moves by at most lr * (sum of clipped steps), not by the raw gradient.
    expect(Math.abs((await tf.sub(first as tf.Tensor, initial as tf.Tensor).data())[0] as number)).toBeLessThan(0.2);
    for (const [i, w] of viaStep.getWeights().entries())
      await expectTensorsClose(w, after[i] as tf.Tensor, { atol: 1e-6 });
    expect(losses[2]).toBeLessThan(losses[0] as number);
    tf.dispose([x, y, ...after, first as tf.Tensor, initial as tf.Tensor]);
    for (const m of [viaFit, viaStep, before]) m.dispose();
    sgdFit.dispose();
    sgdStep.dispose();
  });

  test('a deep model (24 gradients): the loss read back and the clipped step are right', async () => {
    // On webgpu one AddN over this many gradient norms failed validation silently and zeroed the step.
    const layers = Array.from({ length: 12 }, () => new Dense({ units: 3, activation: tf.tanh }));
    const deep = new Sequential({ seed: 11, layers });
    const x = tf.tensor2d([0.5, -1, 2, 1, 0.25, -0.5, 0, 1, 1, -2, 0.5, 0.5], [4, 3]);
    const y = tf.tensor1d([0, 2, 1, 2], 'int32');
    deep.ensureBuilt([4, 3]);
    const reference = tf.tidy(() => crossEntropy(y, deep.apply(x, { training: true })));
    const expectedLoss = (await reference.data())[0] as number;
    const before = deep.getWeights();
    const sgd = new Sgd({ learningRate: 1 });
    const { loss } = await trainStep(deep, { x, y }, { loss: crossEntropy, optimizer: sgd, clipNorm: 1e-3 });
    expect(loss).toBeCloseTo(expectedLoss, 5);
    const moved = tf.tidy(() =>
      tf.sqrt(sumOfSquares(deep.getWeights().map((w, i) => tf.sub(w, before[i] as tf.Tensor)))),
    );
    expect((await moved.data())[0]).toBeCloseTo(1e-3, 6); // lr * clipNorm: the raw gradient norm is larger
    tf.dispose([x, y, reference, moved, ...before]);
    deep.dispose();
  });

  test('returns loss and accuracy; leaves only the optimiser state; NaN throws before any weight changes', async () => {
    const x = tf.tensor2d([1, 0, 0, 1, 1, 1, 0, 0], [4, 2]);
    const y = tf.tensor1d([0, 1, 2, 0], 'int32');
    const net = model();
    net.ensureBuilt([4, 2]);
    const adam = new Adam({ learningRate: 0.01 });
    const before = tf.memory().numTensors;
    const result = await trainStep(net, { x, y }, { loss: crossEntropy, optimizer: adam });
    expect(result.loss).toBeGreaterThan(0);
    expect(result.accuracy! * 4).toBeCloseTo(Math.round(result.accuracy! * 4), 6);
    expect(tf.memory().numTensors - before).toBe(adam.stateTensorCount);
    const plain: LossFunction = (labels, logits) => crossEntropy(labels, logits);
    expect(await trainStep(net, { x, y }, { loss: plain, optimizer: adam })).not.toHaveProperty('accuracy');
    const weights = await Promise.all(net.getWeights().map(async (w) => Array.from(await w.data())));
    const bad = tf.tensor2d([1, 0, Number.NaN, 1, 1, 1, 0, 0], [4, 2]);
    await expect(trainStep(net, { x: bad, y }, { loss: crossEntropy, optimizer: adam })).rejects.toThrow(
      /^trainStep: expected a finite loss and finite gradients, got loss NaN in this step; the weights were left/,
    );
    expect(await Promise.all(net.getWeights().map(async (w) => Array.from(await w.data())))).toEqual(weights);
    const loose = await trainStep(net, { x: bad, y }, { loss: crossEntropy, optimizer: adam, stopOnNonFinite: false });
    expect(loose.loss).toBeNaN();
    tf.dispose([x, y, bad]);
    net.dispose();
    adam.dispose();
  });
});

test('trainStep refuses bad options, naming them', async () => {
  const x = tf.zeros([2, 2]);
  const y = tf.tensor1d([0, 1], 'int32');
  const net = model();
  const sgd = new Sgd();
  await expect(trainStep(net, { x, y }, { loss: crossEntropy, optimizer: sgd, clipnorm: 1 } as never)).rejects.toThrow(
    /trainStep: unknown key 'clipnorm' in options \(did you mean 'clipNorm'\?/,
  );
  await expect(trainStep(net, { x, y }, { loss: crossEntropy } as never)).rejects.toThrow(
    /trainStep: expected options\.optimizer to be an Optimizer/,
  );
  await expect(trainStep(net, { x, y: tf.zeros([3]) }, { loss: crossEntropy, optimizer: sgd })).rejects.toThrow(
    /trainStep: expected batch\.x and batch\.y with the same number of rows/,
  );
  tf.dispose([x, y]);
  net.dispose();
});
