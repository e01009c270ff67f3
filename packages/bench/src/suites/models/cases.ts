import * as tfl from '@tensorflow/tfjs-layers';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { anchorTrainingStepCases } from './anchor-training-step.js';
import { blstmCtcStepCase } from './blstm-ctc-step.js';
import { diagnosticsOverheadCase } from './diagnostics-overhead.js';
import { ortInferenceCases } from './ort-inference.js';
import { oursModelCase } from './ours-training-step.js';
import { stockModelCase } from './stock-training-step.js';

/** MNIST MLP 784-256-128-10 (the seed's first network), stock tfjs-layers. */
function mlpCase(mode: BenchMode): BenchCase {
  const batch = mode === 'quick' ? 32 : 64;
  return stockModelCase(
    'mnist-mlp',
    `MNIST MLP 784-256-128-10 b${batch}`,
    {
      inputShape: [batch, 784],
      classes: 10,
      build: () =>
        tfl.sequential({
          layers: [
            tfl.layers.dense({ units: 256, activation: 'relu', inputShape: [784] }),
            tfl.layers.dense({ units: 128, activation: 'relu' }),
            tfl.layers.dense({ units: 10, activation: 'softmax' }),
          ],
        }),
    },
    { batch, layers: '784-256-128-10' },
  );
}

/** The same MLP with @baihua/core's Sequential and Dense (seeded initial weights). */
function oursMlpCase(mode: BenchMode): BenchCase {
  const batch = mode === 'quick' ? 32 : 64;
  return oursModelCase(
    'mnist-mlp',
    `MNIST MLP 784-256-128-10 b${batch}`,
    {
      inputShape: [batch, 784],
      classes: 10,
      build: async () => {
        const core = await import('@baihua/core');
        return new core.Sequential({
          seed: 51,
          layers: [
            new core.Dense({ units: 256, activation: 'relu' }),
            new core.Dense({ units: 128, activation: 'relu' }),
            new core.Dense({ units: 10 }),
          ],
        });
      },
    },
    { batch, layers: '784-256-128-10' },
  );
}

/** LeNet-5 from @baihua/cnn (lenet5(): 32x32 input, valid C1: the same work as 'same' on 28x28). */
function oursLenetCase(mode: BenchMode): BenchCase {
  const batch = mode === 'quick' ? 4 : 64;
  return oursModelCase(
    'lenet-5',
    `LeNet-5 b${batch}`,
    {
      inputShape: [batch, 32, 32, 1],
      classes: 10,
      build: async () => (await import('@baihua/cnn')).lenet5({ seed: 51 }),
    },
    { batch, input: '32x32x1' },
  );
}

/** LeNet-5 on 28x28 digits (conv 6@5x5 same, pool, conv 16@5x5, pool, 120, 84, 10), stock tfjs-layers. */
function lenetCase(mode: BenchMode): BenchCase {
  const batch = mode === 'quick' ? 4 : 64;
  return stockModelCase(
    'lenet-5',
    `LeNet-5 b${batch}`,
    {
      inputShape: [batch, 28, 28, 1],
      classes: 10,
      build: () =>
        tfl.sequential({
          layers: [
            tfl.layers.conv2d({
              filters: 6,
              kernelSize: 5,
              padding: 'same',
              activation: 'relu',
              inputShape: [28, 28, 1],
            }),
            tfl.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
            tfl.layers.conv2d({ filters: 16, kernelSize: 5, activation: 'relu' }),
            tfl.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
            tfl.layers.flatten(),
            tfl.layers.dense({ units: 120, activation: 'relu' }),
            tfl.layers.dense({ units: 84, activation: 'relu' }),
            tfl.layers.dense({ units: 10, activation: 'softmax' }),
          ],
        }),
    },
    { batch, input: '28x28x1' },
  );
}

/** A sequence classifier: LSTM over T steps, last hidden state, dense softmax; stock tfjs-layers. */
function lstmClassifierCase(mode: BenchMode): BenchCase {
  const [batch, steps, features, hidden] = mode === 'quick' ? [16, 16, 16, 32] : [64, 28, 28, 128];
  return stockModelCase(
    'lstm-classifier',
    `LSTM classifier T${steps} H${hidden} b${batch}`,
    {
      inputShape: [batch, steps, features],
      classes: 10,
      build: () =>
        tfl.sequential({
          layers: [
            tfl.layers.lstm({
              units: hidden,
              inputShape: [steps, features],
              kernelInitializer: 'zeros',
              recurrentInitializer: 'zeros',
            }),
            tfl.layers.dense({ units: 10, activation: 'softmax' }),
          ],
        }),
    },
    { batch, steps, features, hidden },
  );
}

/** The same LSTM classifier with @baihua/rnn's LSTM and @baihua/core's Dense in a core Sequential. */
function oursLstmClassifierCase(mode: BenchMode): BenchCase {
  const [batch, steps, features, hidden] = mode === 'quick' ? [16, 16, 16, 32] : [64, 28, 28, 128];
  return oursModelCase(
    'lstm-classifier',
    `LSTM classifier T${steps} H${hidden} b${batch}`,
    {
      inputShape: [batch, steps, features],
      classes: 10,
      build: async () => {
        const core = await import('@baihua/core');
        const rnn = await import('@baihua/rnn');
        return new core.Sequential({
          seed: 51,
          layers: [new rnn.LSTM({ units: hidden }), new core.Dense({ units: 10 })],
        });
      },
    },
    { batch, steps, features, hidden },
  );
}

/** Every case of the `models` suite. Add a case: write `<case>.ts` beside this file and list it here. */
export const modelsCaseFactories: Array<(mode: BenchMode) => BenchCase[]> = [
  (mode) => [
    mlpCase(mode),
    oursMlpCase(mode),
    lenetCase(mode),
    oursLenetCase(mode),
    lstmClassifierCase(mode),
    oursLstmClassifierCase(mode),
    blstmCtcStepCase(mode),
    diagnosticsOverheadCase(mode),
  ],
  anchorTrainingStepCases,
  ortInferenceCases,
];
