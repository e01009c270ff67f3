import type * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal } from '../../harness/seeded-tensors.js';
import { disposeStockWeights, seedStockWeights } from '../../harness/stock-layers.js';
import { type InferenceSpec, ortInferenceCase } from '../../ort/ort-inference-case.js';

/** A workload, plus the stock tfjs-layers model doing the same work (its own seeded weights). */
interface InferenceWorkload extends InferenceSpec {
  buildStock(): tfl.LayersModel;
}

/**
 * Inference (a forward pass with readback) of the MNIST MLP, LeNet-5 and an LSTM classifier: ours
 * (@baihua/core `predict`) and the same model exported to ONNX in onnxruntime-node and
 * onnxruntime-web's wasm build, plus stock tfjs-layers `predict` in `--full`. `--full` runs the
 * MLP and LeNet at batch 64 and the LSTM at the recurrent anchor T100 B64 I256 H256. The quick run
 * keeps the MLP (b64) and the LSTM at T16 B8 I32 H32, without LeNet, stock rows and webgpu, so it
 * adds only a few seconds.
 */
export function ortInferenceCases(mode: BenchMode): BenchCase[] {
  const workloads = inferenceWorkloads(mode).filter((w) => mode === 'full' || w.name !== 'lenet-5');
  return workloads.flatMap((workload) => [
    ...(mode === 'full' ? [stockInferenceCase(workload)] : []),
    oursInferenceCase(workload, mode),
    ortInferenceCase('ort-node', workload),
    ortInferenceCase('ort-wasm', workload),
  ]);
}

function inferenceWorkloads(mode: BenchMode): InferenceWorkload[] {
  const [steps, batch, features, hidden] = mode === 'quick' ? [16, 8, 32, 32] : [100, 64, 256, 256];
  const core = () => import('@baihua/core');
  return [
    {
      name: 'mnist-mlp',
      title: 'MNIST MLP 784-256-128-10 b64 inference',
      inputShape: [64, 784],
      inputSeed: 161,
      params: { batch: 64, layers: '784-256-128-10' },
      buildOurs: async () => {
        const { Dense, Sequential } = await core();
        const units = [256, 128];
        return new Sequential({
          seed: 51,
          layers: [...units.map((n) => new Dense({ units: n, activation: 'relu' })), new Dense({ units: 10 })],
        });
      },
      buildStock: () =>
        tfl.sequential({
          layers: [
            tfl.layers.dense({ units: 256, activation: 'relu', inputShape: [784] }),
            tfl.layers.dense({ units: 128, activation: 'relu' }),
            tfl.layers.dense({ units: 10 }),
          ],
        }),
    },
    {
      name: 'lenet-5',
      title: 'LeNet-5 32x32x1 b64 inference',
      inputShape: [64, 32, 32, 1],
      inputSeed: 162,
      params: { batch: 64, input: '32x32x1' },
      buildOurs: async () => (await import('@baihua/cnn')).lenet5({ seed: 51, dropout: 0 }),
      buildStock: () =>
        tfl.sequential({
          layers: [
            tfl.layers.conv2d({ filters: 6, kernelSize: 5, activation: 'relu', inputShape: [32, 32, 1] }),
            tfl.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
            tfl.layers.conv2d({ filters: 16, kernelSize: 5, activation: 'relu' }),
            tfl.layers.maxPooling2d({ poolSize: 2, strides: 2 }),
            tfl.layers.flatten(),
            tfl.layers.dense({ units: 120, activation: 'relu' }),
            tfl.layers.dense({ units: 84, activation: 'relu' }),
            tfl.layers.dense({ units: 10 }),
          ],
        }),
    },
    {
      name: `lstm-classifier-t${steps}-h${hidden}`,
      title: `LSTM classifier T${steps} B${batch} I${features} H${hidden} inference`,
      inputShape: [batch, steps, features],
      inputSeed: 163,
      params: { batch, steps, features, hidden },
      buildOurs: async () => {
        const { Dense, Sequential } = await core();
        const { LSTM } = await import('@baihua/rnn');
        return new Sequential({ seed: 51, layers: [new LSTM({ units: hidden }), new Dense({ units: 10 })] });
      },
      buildStock: () =>
        tfl.sequential({
          layers: [
            tfl.layers.lstm({ units: hidden, inputShape: [steps, features], recurrentInitializer: 'glorotNormal' }),
            tfl.layers.dense({ units: 10 }),
          ],
        }),
    },
  ];
}

function stockInferenceCase(workload: InferenceWorkload): BenchCase {
  return {
    id: `models/${workload.name}-inference/stock`,
    suite: 'models',
    title: workload.title,
    implementation: 'stock',
    compareKey: `inference/${workload.name}`,
    params: { ...workload.params, via: 'tfjs-layers predict' },
    setup() {
      const model = workload.buildStock();
      seedStockWeights(model, 61);
      const x = seededNormal(workload.inputShape, workload.inputSeed);
      return {
        run: () => model.predict(x) as tf.Tensor,
        dispose: () => {
          x.dispose();
          disposeStockWeights(model);
        },
      };
    },
  };
}

function oursInferenceCase(workload: InferenceWorkload, mode: BenchMode): BenchCase {
  return {
    // SwiftShader's webgpu takes ~0.3 s per MLP run: the quick default leaves it to --full.
    ...(mode === 'quick' ? { skip: { webgpu: 'quick run: the inference rows run on webgpu in --full' } } : {}),
    id: `models/${workload.name}-inference/ours`,
    suite: 'models',
    title: workload.title,
    implementation: 'ours',
    compareKey: `inference/${workload.name}`,
    params: { ...workload.params, via: '@baihua/core predict' },
    async setup() {
      const { predict } = await import('@baihua/core');
      const model = await workload.buildOurs();
      const x = seededNormal(workload.inputShape, workload.inputSeed);
      return {
        run: () => predict(model, x),
        dispose: () => {
          x.dispose();
          model.dispose();
        },
      };
    },
  };
}
