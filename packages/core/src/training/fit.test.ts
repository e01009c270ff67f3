import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { Dense, Dropout, Sequential } from '../layers/index.js';
import { Adam, Sgd } from '../optimizers/index.js';
import { earlyStopping } from './early-stopping.js';
import { fit } from './fit.js';
import { evaluate } from './evaluate.js';
import { predict } from './predict.js';
import type { LossFunction } from '../registry/loss-contract.js';

const crossEntropy: LossFunction = (labels: tf.Tensor, logits: tf.Tensor) =>
  tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
crossEntropy.accuracyKind = 'categorical';

/** Four XOR points, one-hot labels. */
function xorData() {
  const x = tf.tensor2d([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 1, 0], 'int32'), 2));
  return { x, y };
}

function mlp(seed: number) {
  return new Sequential({
    seed,
    layers: [
      new Dense({ units: 8, activation: tf.relu, kernelInitializer: 'heNormal' }),
      new Dropout({ rate: 0.1 }),
      new Dense({ units: 2 }),
    ],
  });
}

describeEachBackend('fit', () => {
  test('learns XOR; leaves no tensor behind but the weights it built', async () => {
    const data = xorData();
    const model = mlp(1);
    const before = tf.memory().numTensors;
    const history = await fit(model, data, {
      loss: crossEntropy,
      optimizer: undefined,
      learningRate: () => 0.05,
      epochs: 15,
      batchSize: 4,
      progress: 'none',
    });
    expect(tf.memory().numTensors - before).toBe(model.weights().length);
    expect(history.last('loss')).toBeLessThan(history.get('loss')[0] as number);
    const again = tf.memory().numTensors;
    await fit(model, data, {
      loss: crossEntropy,
      epochs: 3,
      batchSize: 2,
      validationSplit: 0.5,
      learningRate: () => 0.01,
      progress: 'none',
    });
    expect(tf.memory().numTensors).toBe(again);
    const logits = predict(model, data.x);
    expect(logits.shape).toEqual([4, 2]);
    const result = await evaluate(model, data, { loss: crossEntropy });
    expect(result.loss).toBeGreaterThan(0);
    expect(result.accuracy).toBeGreaterThanOrEqual(0);
    tf.dispose([data.x, data.y, logits]);
    model.dispose();
  });

  test('an optimiser passed in keeps its state (and only that stays)', async () => {
    const data = xorData();
    const model = mlp(2);
    model.ensureBuilt([4, 2]);
    const adam = new Adam({ learningRate: 0.01 });
    const before = tf.memory().numTensors;
    await fit(model, data, { loss: crossEntropy, optimizer: adam, epochs: 2, batchSize: 2, progress: 'none' });
    expect(tf.memory().numTensors - before).toBe(adam.stateTensorCount);
    expect(adam.stateTensorCount).toBe(2 * 4);
    adam.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([data.x, data.y]);
    model.dispose();
  });
});

// Training logic (updates, bookkeeping, errors) is backend-independent; the suite above runs fit on
// every backend. These run on cpu so that exact figures and the determinism check are about cpu.
describe('fit on cpu', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test('determinism on cpu: same seed, same weights and same loss curve', async () => {
    const runOnce = async () => {
      const data = xorData();
      const model = mlp(7);
      const history = await fit(model, data, {
        loss: crossEntropy,
        optimizer: new Sgd({ learningRate: 0.1, momentum: 0.9 }),
        epochs: 8,
        batchSize: 2,
        seed: 3,
        progress: 'none',
      });
      const weights = await Promise.all(model.getWeights().map(async (w) => Array.from(await w.data())));
      tf.dispose([data.x, data.y]);
      model.dispose();
      return { loss: history.get('loss'), weights };
    };
    const [a, b] = [await runOnce(), await runOnce()];
    expect(a.loss).toEqual(b.loss);
    expect(a.weights).toEqual(b.weights);
  });

  test('weight decay is the seed update W <- W - lr (grad + lambda W), on kernels only', async () => {
    const x = tf.tensor2d([[1, 2]]);
    const y = tf.tensor2d([[0.5]]);
    const mse = (labels: tf.Tensor, predictions: tf.Tensor) =>
      tf.mean(tf.square(tf.sub(predictions, labels))) as tf.Scalar;
    const dense = new Dense({
      units: 1,
      kernelInitializer: { name: 'constant', value: 0.5 },
      biasInitializer: { name: 'constant', value: 0.25 },
    });
    await fit(
      dense,
      { x, y },
      {
        loss: mse,
        optimizer: new Sgd({ learningRate: 0.1 }),
        weightDecay: 0.2,
        epochs: 1,
        batchSize: 1,
        progress: 'none',
      },
    );
    // prediction 0.5 + 1 + 0.25 = 1.75; dE/dy = 2 (1.75 - 0.5) = 2.5; grad W = 2.5 x, grad b = 2.5.
    await expectTensorsClose(dense.weight('kernel').read(), [
      [0.5 - 0.1 * (2.5 * 1 + 0.2 * 0.5)],
      [0.5 - 0.1 * (2.5 * 2 + 0.2 * 0.5)],
    ]);
    await expectTensorsClose(dense.weight('bias').read(), [0.25 - 0.1 * 2.5]);
    tf.dispose([x, y]);
    dense.dispose();
  });

  test('gradient clipping by value and by global norm', async () => {
    const x = tf.tensor2d([[3, 4]]);
    const y = tf.tensor2d([[0]]);
    const sum = (labels: tf.Tensor, predictions: tf.Tensor) => tf.sum(tf.sub(predictions, labels)) as tf.Scalar;
    const make = () => new Dense({ units: 1, useBias: false, kernelInitializer: 'zeros' });
    const byValue = make();
    await fit(
      byValue,
      { x, y },
      {
        loss: sum,
        optimizer: new Sgd({ learningRate: 1 }),
        clipValue: 3.5,
        epochs: 1,
        progress: 'none',
      },
    );
    await expectTensorsClose(byValue.weight('kernel').read(), [[-3], [-3.5]]);
    const byNorm = make();
    await fit(
      byNorm,
      { x, y },
      { loss: sum, optimizer: new Sgd({ learningRate: 1 }), clipNorm: 1, epochs: 1, progress: 'none' },
    );
    await expectTensorsClose(byNorm.weight('kernel').read(), [[-0.6], [-0.8]]);
    tf.dispose([x, y]);
    byValue.dispose();
    byNorm.dispose();
  });

  test('frozen layers are skipped by fit; running statistics still update', async () => {
    const data = xorData();
    const model = mlp(4);
    model.ensureBuilt([4, 2]);
    const frozen = model.layers[0] as Dense;
    frozen.trainable = false;
    const before = await frozen.weight('kernel').read().data();
    const head = await (model.layers[2] as Dense).weight('kernel').read().data();
    await fit(model, data, {
      loss: crossEntropy,
      optimizer: new Sgd({ learningRate: 0.5 }),
      epochs: 2,
      progress: 'none',
    });
    expect(Array.from(await frozen.weight('kernel').read().data())).toEqual(Array.from(before));
    expect(Array.from(await (model.layers[2] as Dense).weight('kernel').read().data())).not.toEqual(Array.from(head));
    tf.dispose([data.x, data.y]);
    model.dispose();
  });

  test('class weights: weight 0 removes a class from the loss; others scale it', async () => {
    const x = tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
    const y = tf.tensor1d([0, 1], 'int32');
    const recorded: number[] = [];
    const loss = (labels: tf.Tensor, logits: tf.Tensor) => {
      recorded.push(labels.shape[0] as number);
      return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(labels, 'int32'), 2), logits) as tf.Scalar;
    };
    const dense = new Dense({ units: 2, kernelInitializer: 'zeros' });
    const history = await fit(
      dense,
      { x, y },
      {
        loss,
        optimizer: new Sgd({ learningRate: 0.1 }),
        classWeights: { 0: 0, 1: 3 },
        epochs: 1,
        batchSize: 2,
        progress: 'none',
      },
    );
    // Only class 1's row enters the loss, weighted 3 * (1 / 2): 1.5 ln 2 at zero logits.
    expect(recorded).toEqual([1]);
    expect(history.last('loss')).toBeCloseTo(1.5 * Math.LN2, 5);
    tf.dispose([x, y]);
    dense.dispose();
  });

  test('validation data, callbacks, schedule, stopTraining, progress lines', async () => {
    const data = xorData();
    const model = mlp(5);
    const events: string[] = [];
    const lines: string[] = [];
    const history = await fit(model, data, {
      loss: crossEntropy,
      optimizer: new Sgd({ learningRate: 0.1 }),
      epochs: 30,
      batchSize: 2,
      validationData: data,
      learningRate: ({ epoch, initialLearningRate }) => initialLearningRate / (1 + epoch),
      callbacks: [
        {
          onTrainBegin: () => void events.push('begin'),
          onBatchEnd: (b, logs) => void events.push(`batch${b}:${logs.size}`),
          onTrainEnd: () => void events.push('end'),
        },
        { onEpochEnd: (epoch, _logs, control) => (epoch === 2 ? control.stopTraining() : undefined) },
      ],
      progress: 'lines',
      write: (text) => void lines.push(text),
    });
    expect(history.epochs).toEqual([0, 1, 2]);
    expect(history.get('learningRate')).toEqual([0.1, 0.05, 0.1 / 3]);
    expect(history.get('valLoss')).toHaveLength(3);
    expect(history.get('valAccuracy')).toHaveLength(3);
    expect(events).toEqual(['begin', 'batch0:2', 'batch1:2', 'batch0:2', 'batch1:2', 'batch0:2', 'batch1:2', 'end']);
    expect(lines[0]).toMatch(
      new RegExp(
        String.raw`^epoch 1/30  loss \d\.\d{4}  accuracy \d+\.\d{2}%  valLoss \d\.\d{4}  ` +
          String.raw`valAccuracy \d+\.\d{2}%  lr 1\.00e-1  \(\d+\.\d s\)\n$`,
      ),
    );
    tf.dispose([data.x, data.y]);
    model.dispose();
  });

  test('bad arguments are refused before anything runs', async () => {
    const data = xorData();
    const model = mlp(6);
    const y3 = tf.zeros([3, 2]);
    const before = tf.memory().numTensors;
    await expect(fit(model, data, { loss: undefined as never })).rejects.toThrow(
      /fit: expected options\.loss to be a function \(labels, predictions\) => Scalar, got undefined/,
    );
    await expect(fit(model, { x: data.x, y: y3 }, { loss: crossEntropy })).rejects.toThrow(
      /fit: expected data\.x and data\.y with the same number of rows, got \[4,2\] and \[3,2\]/,
    );
    await expect(fit(model, data, { loss: crossEntropy, epochs: 0 })).rejects.toThrow(
      /fit: expected epochs to be a positive integer, got 0/,
    );
    await expect(fit(model, data, { loss: crossEntropy, validationSplit: 1 })).rejects.toThrow(
      /fit: expected validationSplit in \(0, 1\), got 1/,
    );
    await expect(fit(model, data, { loss: crossEntropy, validationSplit: 0.1 })).rejects.toThrow(
      /fit: validationSplit 0.1 of 4 rows leaves no validation rows/,
    );
    await expect(fit(model, data, { loss: crossEntropy, validationSplit: 0.5, validationData: data })).rejects.toThrow(
      /fit: expected validationSplit or validationData, got both/,
    );
    await expect(fit(model, data, { loss: crossEntropy, clipNorm: -1 })).rejects.toThrow(
      /fit: expected clipNorm > 0, got -1/,
    );
    await expect(fit(model, data, { loss: crossEntropy, classWeights: { a: 1 } as never })).rejects.toThrow(
      /fit: expected classWeights keys to be class indices, got 'a'/,
    );
    await expect(fit(model, data, { loss: crossEntropy, optimizer: {} as never })).rejects.toThrow(
      /fit: expected options\.optimizer to be an Optimizer/,
    );
    await expect(evaluate(model, { x: data.x, y: y3 }, { loss: crossEntropy })).rejects.toThrow(
      /evaluate: expected data\.x and data\.y with the same number of rows/,
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([data.x, data.y, y3]);
    model.dispose();
  });

  test('a fully frozen model is refused', async () => {
    const data = xorData();
    const model = mlp(9);
    model.trainable = false;
    await expect(fit(model, data, { loss: crossEntropy, progress: 'none' })).rejects.toThrow(
      /fit: model 'sequential_\d+' has no trainable weights \(are all its layers frozen\?\)/,
    );
    tf.dispose([data.x, data.y]);
    model.dispose();
  });

  test('early stopping stops after patience epochs without improvement and restores the best weights', async () => {
    const data = xorData();
    const model = mlp(8);
    let best: number[] = [];
    let lowest = Infinity;
    const history = await fit(model, data, {
      loss: crossEntropy,
      optimizer: new Sgd({ learningRate: 0.05 }),
      epochs: 50,
      batchSize: 4,
      // A schedule that makes later epochs worse: a huge rate from epoch 3 on.
      learningRate: ({ epoch }) => (epoch < 3 ? 0.05 : 50),
      validationData: data,
      callbacks: [
        earlyStopping({ monitor: 'valLoss', patience: 2, restoreBestWeights: true }),
        {
          async onEpochEnd(_epoch, logs, control) {
            if ((logs.valLoss as number) < lowest) {
              lowest = logs.valLoss as number;
              const [first, ...rest] = control.model.getWeights();
              best = Array.from(await first!.data());
              tf.dispose([first!, ...rest]);
            }
          },
        },
      ],
      progress: 'none',
    });
    const valLoss = history.get('valLoss');
    const bestEpoch = valLoss.indexOf(Math.min(...valLoss));
    expect(history.epochs.length).toBe(bestEpoch + 3);
    expect(Array.from(await model.weights()[0]!.read().data())).toEqual(best);
    tf.dispose([data.x, data.y]);
    model.dispose();
  });
});
